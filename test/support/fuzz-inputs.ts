import fc from 'fast-check';
import type { MetadataStorage } from 'class-transformer/types/MetadataStorage';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- class-transformer exports its metadata (the @Type of nested DTOs) only here
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as { defaultMetadataStorage: MetadataStorage };
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
  /** Set by the validators that fix a string's shape: a UUID, an ISO instant, a pattern, a custom constraint. */
  format?: { uuid?: true; iso8601?: true; pattern?: RegExp; custom?: string; displayName?: true };
  /** Each element is validated (`{ each: true }`), and at most this many (ArrayMaxSize). */
  maxItems?: number;
  /** The class of a nested object (or of each element), from class-transformer's `@Type`. */
  nested?: abstract new (...args: never[]) => unknown;
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
    if (has('arrayMaxSize')) rule.maxItems = has('arrayMaxSize')!.constraints[0] as number;
    const format: NonNullable<PropertyRule['format']> = {};
    if (has('isUuid')) format.uuid = true;
    if (has('isIso8601')) format.iso8601 = true;
    if (has('displayName')) format.displayName = true;
    const pattern = has('matches')?.constraints[0] as RegExp | undefined;
    // Anchored patterns fix a shape (login, HH:mm, a phone number); `^[^…]*$` only bars control characters.
    if (pattern && pattern.source.startsWith('^') && pattern.source.endsWith('$') && !pattern.source.startsWith('^[^')) format.pattern = pattern;
    const customs = metas.filter((m) => m.type === 'customValidation').map((m) => (m.constraintCls as { name?: string } | undefined)?.name ?? '');
    const custom = customs.find((c) => ['IsLocalDate', 'IsIanaTimeZone', 'IsScreeningAnswers'].includes(c)) ?? customs[0];
    if (custom) format.custom = custom;
    if (Object.keys(format).length > 0) rule.format = format;
    if (rule.kind === 'unknown' && format.custom) rule.kind = 'string';
    const type = defaultMetadataStorage.findTypeMetadata(dto, name);
    if (type && metas.some((m) => m.type === 'nestedValidation')) rule.nested = type.typeFunction() as PropertyRule['nested'];
    if (rule.kind === 'unknown' && rule.nested) rule.kind = 'object';
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

/** Characters validation lets through in free text, to be stored as given: bidi and zero-width marks, a BOM, astral and combining letters. */
export const ODD_BUT_VALID = ['\u0301', '\u202E', '\u2066', '\u2069', '\u200B', '\u200D', '\uFEFF', '\u00A0', '\u2028', 'ﷺ', '𝕏', 'Æ\u0301', '\u05D0', '\uFFFD', '\t', '\n', '\r'];
/** What plain text cannot hold (kept here apart from shared/src/dto/validation-rules.ts on purpose: the test's own oracle): a lone surrogate (UTF-8 cannot store it as given) and control characters but tab and line breaks (C0, DEL, C1). */
export const NOT_PLAIN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const NOT_PLAIN_CHARS = ['\uD800', '\uDFFF', '\u0000', '\u0007', '\u001b', '\u007F', '\u0085', '\u009B'];

/** Whether any string in a value (at any depth, keys too) holds what plain text cannot. */
export function holdsNotPlainText(value: unknown): boolean {
  if (typeof value === 'string') return NOT_PLAIN_TEXT.test(value);
  if (value === null || typeof value !== 'object') return false;
  return Object.entries(value).some(([key, inner]) => NOT_PLAIN_TEXT.test(key) || holdsNotPlainText(inner));
}

/** Free text of `min`–`max` characters (code points): at both limits and in between; see freeText. */
export function textWithin(min: number, max: number): fc.Arbitrary<string> {
  return fc.oneof(fc.constantFrom(min, max), fc.integer({ min, max: Math.min(max, min + 60) })).chain((length) => freeText(length));
}

/**
 * Free text of `length` characters as class-validator counts them (a surrogate pair is one): mostly
 * letters and spaces with odd but valid characters inside, now and then one plain text cannot hold.
 */
function freeText(length: number): fc.Arbitrary<string> {
  if (length === 0) return fc.constant('');
  const unit = fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom('a', 'æ', 'Ø', 'z', '1', ' ') },
    { weight: 1, arbitrary: fc.constantFrom(...ODD_BUT_VALID.filter((ch) => [...ch].length === 1)) },
  );
  // One string in six holds one character plain text cannot hold, somewhere inside.
  const spoiler = fc.oneof({ weight: 5, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.tuple(fc.nat(), fc.constantFrom(...NOT_PLAIN_CHARS)) });
  // Begin and end with a letter: fields that are trimmed would otherwise fall under their minimum.
  return fc.tuple(fc.array(unit, { minLength: Math.max(0, length - 2), maxLength: Math.max(0, length - 2) }), spoiler).map(([middle, spoil]) => {
    if (spoil && middle.length > 0) middle[spoil[0] % middle.length] = spoil[1];
    return length === 1 ? 'a' : `a${middle.join('')}b`;
  });
}

const DAY = 86_400_000;
/** Names that pass the display-name rules (one script each, no staff words). */
const NAMES = ['Anna', 'Søren Ø', 'Åse-Marie', "O'Neil", 'Ελένη', 'Анна', '李小龍', 'José', 'Ib', 'Zoë 2', 'Hannah.K'];
const ZONES = ['Europe/Copenhagen', 'UTC', 'America/St_Johns', 'Pacific/Chatham', 'Asia/Kathmandu', 'Pacific/Kiritimati'];

/** A value this property's validators accept: at its limits, in between, and with odd but valid characters. */
function validFor(rule: PropertyRule, ids: string[], now: number, elementOf = false): fc.Arbitrary<unknown> {
  const format = rule.format ?? {};
  if (rule.kind === 'array' && !elementOf) {
    const element = validFor(rule, ids, now, true);
    return fc.array(element, { maxLength: Math.min(rule.maxItems ?? 3, 3) });
  }
  if (rule.nested) return validBodies(rulesOf(rule.nested), ids, now);
  if (rule.kind === 'in') return fc.constantFrom(...(rule.allowed ?? []));
  if (rule.kind === 'boolean') return fc.boolean();
  if (rule.kind === 'int') {
    const min = rule.min ?? 0;
    const max = rule.max ?? 2 ** 31 - 1;
    return fc.oneof(fc.constantFrom(min, max), fc.integer({ min, max }));
  }
  if (format.uuid) return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...ids) }, { weight: 1, arbitrary: fc.uuid({ version: 4 }) });
  if (format.displayName) return fc.constantFrom(...NAMES);
  // A date that is also ISO 8601 (`YYYY-MM-DD` by its pattern), or an instant.
  if (format.iso8601 && format.pattern?.test('2026-01-31')) return fc.integer({ min: -400, max: 0 }).map((days) => new Date(now + days * DAY).toISOString().slice(0, 10));
  if (format.iso8601) {
    return fc.tuple(fc.integer({ min: -40, max: 40 }), fc.constantFrom('Z', '+14:00', '-12:00', '+05:45')).map(([days, zone]) => {
      const iso = new Date(now + days * DAY).toISOString();
      return zone === 'Z' ? iso : iso.replace('Z', zone);
    });
  }
  if (format.custom === 'IsLocalDate') return fc.integer({ min: -40, max: 400 }).map((days) => new Date(now + days * DAY).toISOString().slice(0, 10));
  if (format.custom === 'IsIanaTimeZone') return fc.constantFrom(...ZONES);
  if (format.custom === 'IsScreeningAnswers')
    return fc.dictionary(fc.stringMatching(/^[1-9][0-9]?[a-z]?$/), fc.constantFrom('yes', 'no', 'unknown'), { minKeys: 1, maxKeys: 5 });
  if (format.pattern) {
    const pattern = format.pattern;
    return fc.stringMatching(pattern).filter((v) => (rule.minLength ?? 0) <= v.length && v.length <= (rule.maxLength ?? Infinity) && pattern.test(v));
  }
  if (rule.kind === 'string' || rule.kind === 'unknown') {
    return textWithin(rule.minLength ?? 0, Math.min(rule.maxLength ?? 300, 20_000));
  }
  return fc.constant({});
}

/**
 * Bodies for a DTO that its validators accept (or refuse only for what plain text cannot hold):
 * every required field, any of the optional ones, numbers and lengths at their limits, free text
 * with bidi, zero-width and combining characters, ids of this world's resources. So they reach the
 * handlers and the database, which must answer 2xx or a documented 4xx — never a 500.
 */
export function validBodies(rules: PropertyRule[], ids: string[], now = Date.now()): fc.Arbitrary<Record<string, unknown>> {
  return fc.record(Object.fromEntries(rules.map((r) => [r.name, validFor(r, ids, now)])) as Record<string, fc.Arbitrary<unknown>>, {
    requiredKeys: rules.filter((r) => !r.optional).map((r) => r.name),
  });
}
