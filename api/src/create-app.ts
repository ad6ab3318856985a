import type { Writable } from 'node:stream';
import type { DynamicModule, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { API_PREFIX } from '@tryg/shared';
import type { AppConfig } from './config/app-config';
import { AppModule } from './app.module';
import { createAppLog } from './common/app-log';
import { applyHttpPipeline } from './common/http-pipeline';
import { mountOpenApi } from './common/openapi';
import { SocketIdentification } from './modules/auth/socket-identification';
import { RealtimeService } from './modules/realtime/realtime.service';
import { TrygSocketAdapter } from './modules/realtime/socket-adapter';

export interface CreateAppOptions {
  /** Where logs go (tests capture them); stdout by default. */
  logStream?: Writable;
}

/**
 * Builds the whole app (HTTP + sockets) from a config; main.ts and the e2e suites both use it.
 * `rootModule` lets a test suite wrap AppModule with test-only routes; main.ts never passes it.
 */
export async function createApp(
  config: AppConfig,
  options: CreateAppOptions = {},
  rootModule: DynamicModule | Type = AppModule.forRoot(config),
): Promise<NestExpressApplication> {
  const log = createAppLog(config, options.logStream);
  const app = await NestFactory.create<NestExpressApplication>(rootModule, {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(log.nest);
  // The app's root composes the socket layer: the realtime authority and auth's session check.
  app.useWebSocketAdapter(
    new TrygSocketAdapter(app, {
      redisUrl: config.redisUrl,
      trustProxy: config.trustProxy,
      realtime: app.get(RealtimeService),
      identify: app.get(SocketIdentification).identify,
    }),
  );
  app.setGlobalPrefix(API_PREFIX.slice(1), { exclude: ['api/health'] });
  applyHttpPipeline(app, config);
  mountOpenApi(app);
  // Where nestjs-pino's middleware ran: after the pipeline, on the API's paths only. A request the pipeline ends
  // itself (a web file, a refusal by size, media type or CSRF, the API description) gets no line; every request
  // that reaches the API's routes, or finds none there, does.
  app.use([API_PREFIX, '/api/health'], log.requests);
  return app;
}
