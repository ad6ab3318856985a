import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { SESSION_COOKIE } from '@tryg/shared';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head'] as const;
const READS = new Set<string>(['get', 'head', 'options']);

/** The one error body every 4xx and 5xx answer has (CONTRACT "Errors"). */
const ERROR_SCHEMA = 'Error';

/** What each error status means on this API, in CONTRACT check order. */
const ERROR_ANSWERS: Record<number, string> = {
  400: 'VALIDATION (or a route\'s own code, e.g. INVALID_CODE): malformed JSON, JSON nested deeper than 32 levels, a path id that is not a UUID, or a body or query that breaks the rules (`details` names the fields)',
  401: 'UNAUTHENTICATED: no valid session (or INVALID_CREDENTIALS where a password is checked)',
  403: 'CSRF on a state-changing request without `X-Tryg-Csrf: 1` or from another site; FORBIDDEN when the caller knows the resource but may not do this',
  404: 'NOT_FOUND: no such resource, or one the caller may not know of (the same body)',
  409: 'CONFLICT (or the route\'s own code): the resource is already in that state, or the change conflicts with another',
  413: 'PAYLOAD_TOO_LARGE: a JSON body over 100 KB (an attachment over 10 MB)',
  415: 'UNSUPPORTED_MEDIA_TYPE: a body of a type the route does not take',
  429: 'RATE_LIMITED: too many attempts; `Retry-After` says when to try again',
  503: 'UNAVAILABLE: this instance lost contact with the others and changes nothing until it has caught up',
};

type Operation = Record<string, unknown> & {
  summary?: string;
  description?: string;
  security?: unknown;
  parameters?: Array<{ name: string; in: string }>;
  requestBody?: unknown;
  responses: Record<string, unknown>;
};

type Schema = { $ref?: string; format?: string; items?: Schema; properties?: Record<string, Schema> };

/** Whether a body schema holds an id (a UUID, or a list of them), following its references. */
function namesAnId(schema: Schema | undefined, schemas: Record<string, Schema>, seen = new Set<string>()): boolean {
  if (!schema) return false;
  if (schema.$ref) {
    const name = schema.$ref.split('/').pop()!;
    if (seen.has(name)) return false;
    seen.add(name);
    return namesAnId(schemas[name], schemas, seen);
  }
  if (schema.format === 'uuid') return true;
  return namesAnId(schema.items, schemas, seen) || Object.values(schema.properties ?? {}).some((inner) => namesAnId(inner, schemas, seen));
}

/**
 * The error answers an operation can give, from what every route shares: each may get a body
 * (so 400 malformed, 413, 415), a session route 401 and 403, a change 403 CSRF and 503 on a cut-off
 * instance, a route on a resource (in its path, or an id in its body) 404. A 409 or 429 is a
 * route's own and is stated in its description.
 */
function errorStatuses(method: string, path: string, operation: Operation, isPublic: boolean, schemas: Record<string, Schema>): number[] {
  const statuses = new Set<number>([400, 413, 415]);
  const changes = !READS.has(method);
  if (!isPublic) statuses.add(401).add(403);
  if (changes) statuses.add(403).add(503);
  const body = (operation.requestBody as { content?: Record<string, { schema?: Schema }> } | undefined)?.content?.['application/json']?.schema;
  if (path.includes('{') || namesAnId(body, schemas)) statuses.add(404);
  const prose = `${operation.summary ?? ''} ${operation.description ?? ''}`;
  for (const mentioned of prose.match(/\b4\d\d\b/g) ?? []) if (ERROR_ANSWERS[Number(mentioned)]) statuses.add(Number(mentioned));
  return [...statuses].sort();
}

/** Path parameters a route reads through its own decorator (e.g. the case guard's `:id`) are still parameters. */
function declarePathParameters(path: string, operation: Operation): void {
  const declared = new Set((operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name));
  for (const [, name] of path.matchAll(/\{([^}]+)\}/g)) {
    if (declared.has(name)) continue;
    operation.parameters = [
      ...(operation.parameters ?? []),
      { name, in: 'path', required: true, schema: { type: 'string', format: 'uuid' } } as unknown as { name: string; in: string },
    ];
  }
}

/**
 * OpenAPI at /api/docs (UI) and /api/docs-json. Every operation states its security: the session
 * cookie, or `security: []` for routes marked @Public(); and the error answers it can give, with
 * the shared error schema. Linted with Redocly's `recommended` rules by test/security/openapi-lint.
 */
export function buildOpenApi(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Tryg API')
      .setDescription('Moderated peer-support groups for people affected by stalking. State-changing requests need the header `X-Tryg-Csrf: 1`.')
      .setVersion('1')
      .setLicense('Proprietary', 'https://tryg.invalid/license')
      .addServer('/', 'This server: the API and the web app share one origin')
      .addCookieAuth(SESSION_COOKIE, { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE }, 'session')
      .build(),
  );
  document.components = {
    ...document.components,
    schemas: {
      ...document.components?.schemas,
      [ERROR_SCHEMA]: {
        type: 'object',
        required: ['code', 'message'],
        properties: {
          code: { type: 'string', description: 'SCREAMING_SNAKE, e.g. VALIDATION', example: 'VALIDATION' },
          message: { type: 'string', description: 'Human text; never a stack trace' },
          details: {
            type: 'array',
            items: {
              type: 'object',
              required: ['field', 'message'],
              properties: { field: { type: 'string' }, message: { type: 'string' } },
            },
          },
        },
      },
    },
  };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method] as Operation | undefined;
      if (!operation) continue;
      const isPublic = Boolean(operation['x-tryg-public']);
      delete operation['x-tryg-public'];
      operation.security = isPublic ? [] : [{ session: [] }];
      declarePathParameters(path, operation);
      for (const status of errorStatuses(method, path, operation, isPublic, (document.components?.schemas ?? {}) as Record<string, Schema>)) {
        operation.responses[String(status)] ??= {
          description: ERROR_ANSWERS[status],
          content: { 'application/json': { schema: { $ref: `#/components/schemas/${ERROR_SCHEMA}` } } },
        };
      }
    }
  }
  return document;
}

export function mountOpenApi(app: INestApplication): void {
  SwaggerModule.setup('api/docs', app, () => buildOpenApi(app), {
    jsonDocumentUrl: 'api/docs-json',
    useGlobalPrefix: false,
  });
}
