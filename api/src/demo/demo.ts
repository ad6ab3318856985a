import 'reflect-metadata';
import { resolve } from 'node:path';
import { Writable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { ConfigError, loadConfig } from '../config/load-config';
import { createApp } from '../create-app';
import { AccountsService } from '../modules/accounts/accounts.service';
import { PasswordHasher } from '../modules/auth/password-hasher';
import { WriteQueue } from '../common/write-queue';
import { seedDemo } from './seed-demo';

/**
 * `npm run demo`: seeds a demo organisation into the configured database through the real API
 * (so every rule applies) and prints the logins and where to sign in. Passwords are random and
 * shown once.
 */
async function main(): Promise<void> {
  let served;
  try {
    // The address the app will be served on (`npm start`), from the same configuration.
    served = loadConfig(process.env, { rootDir: resolve(__dirname, '..', '..', '..') }).config;
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  // Seeding runs on a private port of its own; request logs would drown the printed logins.
  const quiet = new Writable({ write: (_chunk, _encoding, done) => done() });
  const app = await createApp({ ...served, port: 0, webDist: null }, { logStream: quiet });
  await app.listen(0, '127.0.0.1');
  const baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  let logins;
  try {
    logins = await seedDemo(baseUrl, async (login, password) => {
      const hash = await app.get(PasswordHasher).hash(password);
      await app
        .get(WriteQueue)
        .run((m) => app.get(AccountsService).createIn(m, { login, role: 'admin', passwordHash: hash }));
    });
  } finally {
    await app.close();
  }

  const pad = (s: string, n: number) => s.padEnd(n);
  process.stdout.write(
    `\nDemo organisation created. Start Tryg (npm start) and sign in at http://localhost:${served.port}/ with:\n\n`,
  );
  process.stdout.write(`${pad('role', 13)}${pad('login', 34)}password\n`);
  for (const l of logins) {
    process.stdout.write(`${pad(l.role, 13)}${pad(l.login, 34)}${l.password}${l.note ? `   (${l.note})` : ''}\n`);
  }
  process.stdout.write(
    '\nThese passwords are shown only now. A session is in progress in the first group for the next hour.\n',
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`Demo failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
