import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { SESSION_COOKIE } from '@tryg/shared';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head'] as const;

/**
 * OpenAPI at /api/docs (UI) and /api/docs-json. Every operation states its security: the session
 * cookie, or `security: []` for routes marked @Public().
 */
export function buildOpenApi(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Tryg API')
      .setDescription('Moderated peer-support groups for people affected by stalking. State-changing requests need the header `X-Tryg-Csrf: 1`.')
      .setVersion('1')
      .addCookieAuth(SESSION_COOKIE, { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE }, 'session')
      .build(),
  );
  for (const path of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = path[method] as (Record<string, unknown> & { security?: unknown }) | undefined;
      if (!operation) continue;
      if (operation['x-tryg-public']) {
        operation.security = [];
        delete operation['x-tryg-public'];
      } else {
        operation.security = [{ session: [] }];
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
