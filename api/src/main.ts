import 'reflect-metadata';
import { resolve } from 'node:path';
import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig } from './config/load-config';
import { createApp } from './create-app';
import { shutdownOnSignals } from './shutdown-on-signals';

async function main(): Promise<void> {
  let loaded: ReturnType<typeof loadConfig>;
  try {
    loaded = loadConfig(process.env, { rootDir: resolve(__dirname, '..', '..') });
  } catch (error) {
    if (error instanceof ConfigError) {
      // One line naming the variable; nothing was written.
      process.stderr.write(`Configuration error: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const { config, warnings } = loaded;
  const app = await createApp(config);
  const logger = new Logger('Config');
  for (const warning of warnings) logger.warn(warning);
  await app.listen(config.port);
  shutdownOnSignals(app);
  new Logger('Tryg').log(`Listening on http://localhost:${config.port}`);
}

void main();
