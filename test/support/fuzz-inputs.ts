import fc from 'fast-check';
import { getMetadataStorage } from 'class-validator';

type ValidationMetadata = ReturnType<ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']>[number];

/** One seed for the run, printed with every failure by fast-check (`{ seed, path }`), so a failure replays: FUZZ_SEED=<seed>. */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20_261_206);

type Kind = 'string' | 'int' | 'boolean' | 'array' | 'object' | 'in' | 'unknown';

/** What a request DTO's validators say about one property: read from class-validator's own metadata. */
export interface PropertyRule {
  name: string;
  optional: boolean;
  kind: Kind;
  min?: number;
  max?: number;
  minLength?: number;
  maxLength?: number;
  allowed?: unknown[];
}

export function rulesOf(dto: abstract new (...args: never[]) => unknown): PropertyRule[] {
  const byProperty = new Map<string, ValidationMetadata[]>();
  for (const meta of getMetadataStorage().getTargetValidationMetadatas(dto as never, '', true, false)) {
    byProperty.set(meta.propertyName, [...(byProperty.get(meta.propertyName) ?? []), meta]);
  }
  return [...byProperty].map(([name, metas]) => {
    const has = (validator: string) => metas.find((m) => m.name === validator);
    const rule: PropertyRule = {
      name,
      optional: metas.some((m) => m.type === 'conditionalValidation'),
      kind: has('isIn')
        ? 'in'
        : has('isArray')
          ? 'array'
          : has('isInt')
            ? 'int'
            : has('isBoolean')
              ? 'boolean'
              : has('isObject') || metas.some((m) => m.type === 'nestedValidation')
                ? 'object'
                : has('isString') || has('matches') || has('isUuid') || has('isIso8601') || has('displayName')
                  ? 'string'
                  : 'unknown',
    };
    if (has('isIn')) rule.allowed = has('isIn')!.constraints[0] as unknown[];
    if (has('min')) rule.min = has('min')!.constraints[0] as number;
    if (has('max')) rule.max = has('max')!.constraints[0] as number;
    if (has('isLength')) [rule.minLength, rule.maxLength] = has('isLength')!.constraints as [number, number];
    if (has('maxLength')) rule.maxLength = has('maxLength')!.constraints[0] as number;
    return rule;
  });
}

/** Characters nobody thought of: lone surrogates, controls, bidi and zero-width marks, a BOM, non-characters. */
const ODD = ['\uD800', '\uDFFF', 'a\uD83D', '\u0000', '\u0007', '\u001b[31m', '\r\n', '\t', '\u202E', '\u2066', '\u200B', '\u200D', '\uFEFF', '\uFFFF', 'ﷺ', '𝕏', 'Æ\u0301'];
const oddString = fc.oneof(
  fc.constantFrom('', ' ', ...ODD),
  fc.array(fc.constantFrom(...ODD, 'a', 'æ', ' '), { maxLength: 40 }).map((parts) => parts.join('')),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constantFrom(5000, 120_000).map((n) => 'x'.repeat(n)),
);
const oddNumber = fc.constantFrom(0, -1, 1, 0.5, -0, 2 ** 31, 2 ** 53 + 2, 1e308, -1e308, 4001, 10_081, 3651);
const deep = (levels: number, leaf: unknown) => Array.from({ length: levels }).reduce<unknown>((inner, _, i) => (i % 2 ? [inner] : { a: inner }), leaf);
/** Any JSON value a client could send where a field is expected. */
export const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: oddString },
  { weight: 2, arbitrary: oddNumber },
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(3, 31, 40).map((levels) => deep(levels, 'x')),
  fc.array(oddString, { maxLength: 5 }),
  fc.dictionary(fc.constantFrom('a', '__proto__', 'constructor', 'toString', ''), oddString, { maxKeys: 3 }),
);

/** A value of the wrong type or past a limit for this property: the property alone makes the body invalid. */
function wrongFor(rule: PropertyRule): fc.Arbitrary<unknown> | null {
  const options: fc.Arbitrary<unknown>[] = [];
  switch (rule.kind) {
    case 'string':
      options.push(fc.constantFrom(42, true, [], { a: 1 }));
      if (rule.maxLength !== undefined) options.push(fc.constantFrom(...ODD, 'x').map((ch) => ch.repeat(rule.maxLength! + 1)));
      if (rule.minLength && rule.minLength > 0 && !rule.optional) options.push(fc.constant(''));
      break;
    case 'int':
      options.push(fc.constantFrom('abc', { a: 1 }, 1.5, '1e400'));
      if (rule.min !== undefined) options.push(fc.constant(rule.min - 1));
      if (rule.max !== undefined) options.push(fc.constant(rule.max + 1));
      break;
    case 'boolean':
      options.push(fc.constantFrom('yes', 2, {}, []));
      break;
    case 'array':
      options.push(fc.constantFrom('x', 5, { a: 1 }));
      break;
    case 'object':
      options.push(fc.constantFrom('x', 5, true));
      break;
    case 'in':
      options.push(fc.constantFrom('not-one-of-them', 42, ['a'], '\u202Eyes'));
      break;
    case 'unknown':
      return null;
  }
  if (!rule.optional) options.push(fc.constant(null));
  return fc.oneof(...options);
}

/**
 * Bodies for a DTO that are certainly invalid: an unknown field, a required field missing, or a
 * field of the wrong type or past its limit; every other field holds something odd. So each is
 * refused with 400 (413 when it is over the size limit), and none can change anything.
 */
export function invalidBodies(rules: PropertyRule[]): fc.Arbitrary<Record<string, unknown>> {
  const filled = fc.record(Object.fromEntries(rules.map((r) => [r.name, oddValue])) as Record<string, fc.Arbitrary<unknown>>, {
    requiredKeys: [],
  });
  const breakers: fc.Arbitrary<(body: Record<string, unknown>) => Record<string, unknown>>[] = [
    fc.tuple(fc.constantFrom(...['isAdmin', 'role', 'accountId', '__proto__', 'constructor', 'x'].filter((key) => !rules.some((r) => r.name === key))), oddValue).map(([key, value]) => (body) => {
      const extra = JSON.parse(JSON.stringify(body)) as Record<string, unknown>;
      Object.defineProperty(extra, key, { value, enumerable: true, configurable: true, writable: true });
      return extra;
    }),
  ];
  const required = rules.filter((r) => !r.optional);
  if (required.length > 0) {
    breakers.push(
      fc.constantFrom(...required).map((rule) => (body) => {
        const rest = { ...body };
        delete rest[rule.name];
        return rest;
      }),
    );
  }
  for (const rule of rules) {
    const wrong = wrongFor(rule);
    if (wrong) breakers.push(wrong.map((value) => (body) => ({ ...body, [rule.name]: value })));
  }
  return fc.tuple(filled, fc.oneof(...breakers)).map(([body, breakIt]) => breakIt(body));
}
