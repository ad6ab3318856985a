import type { Server } from 'node:http';
import { type INestApplication, Logger } from '@nestjs/common';

/** The process must be gone within 10 s of SIGTERM (what orchestrators wait before SIGKILL). */
const SHUTDOWN_MAX_MS = 9500;

/**
 * SIGTERM / SIGINT: stop accepting connections, let the app finish what is in flight (the chat
 * answers every pending send, then closes its sockets so clients reconnect), close the database,
 * and exit 0. Nest's own shutdown hooks would end the process by re-raising the signal instead.
 */
export function shutdownOnSignals(app: INestApplication): void {
  const logger = new Logger('Shutdown');
  let closing = false;
  const close = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    logger.log(`${signal}: finishing what is in flight, then stopping.`);
    setTimeout(() => {
      logger.error(`Still not stopped ${SHUTDOWN_MAX_MS} ms after ${signal}; exiting now.`);
      process.exit(1);
    }, SHUTDOWN_MAX_MS).unref();
    // No new connection, HTTP or socket, reaches an app that is closing; open ones finish.
    (app.getHttpServer() as Server).close();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error(`Shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', close);
  process.once('SIGINT', close);
}
