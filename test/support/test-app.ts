import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import type { DynamicModule, Type } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { CSRF_HEADER, CSRF_HEADER_VALUE, SESSION_COOKIE } from '@tryg/shared';
import type { AppConfig } from '../../api/src/config/app-config';
import { loadConfig } from '../../api/src/config/load-config';
import { createApp } from '../../api/src/create-app';
import { AppModule } from '../../api/src/app.module';
import { Clock } from '../../api/src/common/clock';
import { JobScheduler } from '../../api/src/modules/jobs/job-scheduler.service';

export const REPO_ROOT = resolve(__dirname, '..', '..');
export const ADMIN = { login: 'root.admin', password: 'admin-password-123' };

/**
 * Captures everything the real logger writes, for "no secrets in the logs" tests. Request lines go to
 * their own app's capture; Nest's lines (every `new Logger(context)`) go through Nest's one logger per
 * process, so to the capture of the app started last: a suite that reads them runs one app at a time.
 */
export class LogCapture extends Writable {
  readonly lines: string[] = [];
  _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    done();
  }
  get text(): string {
    return this.lines.join('\n');
  }
}

export interface TestApp {
  app: NestExpressApplication;
  url: string;
  config: AppConfig;
  dataDir: string;
  logs: LogCapture;
  clock: Clock;
  dataSource: DataSource;
  http: () => request.Agent;
  close: () => Promise<void>;
}

/** Where an app answers: a TestApp, or a real `api/dist` process (test/support/api-process.ts). */
export type AppAddress = Pick<TestApp, 'url'>;

export interface TestAppOptions {
  env?: Record<string, string>;
  config?: Partial<AppConfig>;
  /** Wraps the real AppModule, e.g. in a test module that adds test-only controllers. */
  wrap?: (appModule: DynamicModule) => DynamicModule | Type;
}

/**
 * Boots the real AppModule on a fresh SQLite database in a temp folder, on port 0, with cheap
 * password hashing. Each suite gets its own.
 */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tryg-test-'));
  const env = {
    NODE_ENV: 'test',
    DATABASE_URL: `sqlite:${join(dataDir, 'tryg.sqlite')}`,
    DATA_KEY: Buffer.alloc(32, 7).toString('base64'),
    TRYG_ADMIN_LOGIN: ADMIN.login,
    TRYG_ADMIN_PASSWORD: ADMIN.password,
    PORT: '0',
    ...options.env,
  };
  const { config: loaded } = loadConfig(env, { rootDir: REPO_ROOT, forTests: true });
  const config: AppConfig = { ...loaded, dataDir, ...options.config };
  const logs = new LogCapture();
  const appModule = AppModule.forRoot(config);
  const app = await createApp(config, { logStream: logs }, options.wrap ? options.wrap(appModule) : appModule);
  await app.listen(0, '127.0.0.1');
  // No real 15-s job timer: tests move the app clock by hours and days, and a tick at a moved "now"
  // runs jobs no test asked for (a session purge signed a suite's staff out once). Tests run jobs
  // with `app.get(JobScheduler).tick()`.
  await app.get(JobScheduler).stop();
  const { port } = app.getHttpServer().address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    app,
    url,
    config,
    dataDir,
    logs,
    clock: app.get(Clock),
    dataSource: app.get(DataSource),
    http: () => request.agent(url),
    close: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A supertest agent that sends the CSRF header on every request and keeps the session cookie. */
export class Client {
  readonly agent: request.Agent;
  constructor(readonly url: string) {
    this.agent = request.agent(url);
  }
  get(path: string) {
    return this.agent.get(`/api/v1${path}`);
  }
  post(path: string, body?: object) {
    return this.agent.post(`/api/v1${path}`).set(CSRF_HEADER, CSRF_HEADER_VALUE).send(body);
  }
  put(path: string, body?: object) {
    return this.agent.put(`/api/v1${path}`).set(CSRF_HEADER, CSRF_HEADER_VALUE).send(body);
  }
  patch(path: string, body?: object) {
    return this.agent.patch(`/api/v1${path}`).set(CSRF_HEADER, CSRF_HEADER_VALUE).send(body);
  }
  delete(path: string, body?: object) {
    return this.agent.delete(`/api/v1${path}`).set(CSRF_HEADER, CSRF_HEADER_VALUE).send(body);
  }
  /** The raw session token, e.g. for socket handshakes or "old cookie" checks. */
  sessionToken(): string | undefined {
    const cookie = this.agent.jar.getCookie(SESSION_COOKIE, { domain: new URL(this.url).hostname, path: '/', secure: false, script: false });
    return cookie?.value;
  }
}

/** Signs in and returns a client holding the session; throws with the answer when sign-in fails. */
export async function signIn(app: AppAddress, login: string, password: string): Promise<Client> {
  const client = new Client(app.url);
  const res = await client.post('/auth/login', { login, password });
  if (res.status !== 200) throw new Error(`sign-in as ${login} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return client;
}

export async function signInAdmin(app: AppAddress): Promise<Client> {
  return signIn(app, ADMIN.login, ADMIN.password);
}

/** Creates a staff account through the API and signs it in. */
export async function createStaff(
  app: AppAddress,
  admin: Client,
  role: 'facilitator' | 'coordinator' | 'admin',
  login: string,
  password = `${login}-password-1`,
  displayName?: string,
): Promise<{ client: Client; id: string; login: string; password: string }> {
  const res = await admin.post('/admin/staff', { login, password, role, ...(displayName ? { displayName } : {}) });
  if (res.status !== 201) throw new Error(`staff creation failed: ${res.status} ${JSON.stringify(res.body)}`);
  const client = await signIn(app, login, password);
  return { client, id: res.body.account.id as string, login, password };
}

/** A client presenting a given session token (e.g. an old cookie kept from before a logout or revocation). */
export function clientWithToken(app: AppAddress, token: string): Client {
  const client = new Client(app.url);
  client.agent.set('Cookie', `${SESSION_COOKIE}=${token}`);
  return client;
}

/** The session token a client holds; fails the test when there is none. */
export function tokenOf(client: Client): string {
  const token = client.sessionToken();
  if (!token) throw new Error('the client holds no session cookie');
  return token;
}
