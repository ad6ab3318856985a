import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import {
  type AppConfig,
  type DatabaseConfig,
  PRODUCTION_PASSWORD_HASHING,
  TEST_PASSWORD_HASHING,
} from './app-config';

/** A bad variable: main prints `message` as one line and exits 1. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable}: ${problem}`);
  }
}

type Env = Record<string, string | undefined>;

const DEFAULT_QUICK_EXIT_URL = 'https://www.dmi.dk/';
const DATA_KEY_FILE = 'data-key';

function parsePort(env: Env): number {
  const raw = env.PORT;
  if (raw === undefined || raw === '') return 3000;
  if (!/^\d+$/.test(raw) || Number(raw) > 65535) throw new ConfigError('PORT', 'must be a port number 0–65535');
  return Number(raw);
}

function parseDatabase(env: Env, dataDir: string): DatabaseConfig {
  const raw = env.DATABASE_URL;
  if (raw === undefined || raw === '') return { type: 'sqlite', path: join(dataDir, 'tryg.sqlite') };
  if (raw.startsWith('sqlite:')) {
    const path = raw.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (path === '') throw new ConfigError('DATABASE_URL', 'sqlite: needs a file path');
    return { type: 'sqlite', path: resolve(path) };
  }
  if (/^postgres(ql)?:\/\//.test(raw)) {
    try {
      new URL(raw);
    } catch {
      throw new ConfigError('DATABASE_URL', 'is not a valid postgres:// URL');
    }
    return { type: 'postgres', url: raw };
  }
  throw new ConfigError('DATABASE_URL', 'must start with sqlite: or postgres://');
}

function parseUrl(env: Env, name: string, protocols: string[]): string | null {
  const raw = env[name];
  if (raw === undefined || raw === '') return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, 'is not a valid URL');
  }
  if (!protocols.includes(url.protocol)) throw new ConfigError(name, `must use ${protocols.join(' or ')}`);
  return raw;
}

function decodeKey(raw: string, variable: string): Buffer {
  const key = Buffer.from(raw, 'base64');
  if (key.length !== 32 || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(raw.trim())) {
    throw new ConfigError(variable, 'must be 32 bytes, base64-encoded (e.g. `openssl rand -base64 32`)');
  }
  return key;
}

function parseTrustProxy(env: Env): number | false {
  const raw = env.TRUST_PROXY;
  if (raw === undefined || raw === '' || raw === '0' || raw === 'false') return false;
  if (!/^\d+$/.test(raw) || Number(raw) > 10) throw new ConfigError('TRUST_PROXY', 'must be a number of proxy hops 0–10');
  return Number(raw);
}

const DEFAULT_CASE_RETENTION_DAYS = 1825;

function parseCaseRetentionDays(env: Env): number {
  const raw = env.CASE_RETENTION_DAYS;
  if (raw === undefined || raw === '') return DEFAULT_CASE_RETENTION_DAYS;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 36500)
    throw new ConfigError('CASE_RETENTION_DAYS', 'must be a number of days 1–36500');
  return Number(raw);
}

function parseAdmin(env: Env): AppConfig['admin'] {
  const login = env.TRYG_ADMIN_LOGIN;
  const password = env.TRYG_ADMIN_PASSWORD;
  if (!login && !password) return null;
  if (!login) throw new ConfigError('TRYG_ADMIN_LOGIN', 'must be set together with TRYG_ADMIN_PASSWORD');
  if (!password) throw new ConfigError('TRYG_ADMIN_PASSWORD', 'must be set together with TRYG_ADMIN_LOGIN');
  if (!/^[a-z0-9._-]{3,64}$/i.test(login)) throw new ConfigError('TRYG_ADMIN_LOGIN', 'must be 3–64 of a-z, 0-9, . _ -');
  if ([...password].length < 10 || [...password].length > 256)
    throw new ConfigError('TRYG_ADMIN_PASSWORD', 'must be 10–256 characters');
  if (password.toLowerCase() === login.toLowerCase()) throw new ConfigError('TRYG_ADMIN_PASSWORD', 'must differ from the login');
  return { login: login.toLowerCase(), password };
}

export interface LoadConfigOptions {
  /** Repository root: `data/` and `web/dist` are found beside it. */
  rootDir: string;
  /** Test suites pass this to get cheap password hashing. */
  forTests?: boolean;
}

/**
 * Validates every variable before anything is written, then (outside production, on SQLite,
 * with no DATA_KEY) generates the key file. Throws ConfigError naming the first bad variable.
 */
export function loadConfig(env: Env, options: LoadConfigOptions): { config: AppConfig; warnings: string[] } {
  const warnings: string[] = [];
  const nodeEnv = env.NODE_ENV ?? 'development';
  if (!['production', 'development', 'test'].includes(nodeEnv))
    throw new ConfigError('NODE_ENV', 'must be production, development or test');
  const production = nodeEnv === 'production';
  const dataDir = resolve(options.rootDir, 'data');
  const port = parsePort(env);
  const database = parseDatabase(env, dataDir);
  const redisUrl = parseUrl(env, 'REDIS_URL', ['redis:', 'rediss:']);
  const quickExitUrl = parseUrl(env, 'QUICK_EXIT_URL', ['https:', 'http:']) ?? DEFAULT_QUICK_EXIT_URL;
  const trustProxy = parseTrustProxy(env);
  const admin = parseAdmin(env);
  const caseRetentionDays = parseCaseRetentionDays(env);

  let dataKey: Buffer;
  let dataKeyGeneratedAt: string | null = null;
  const keyPath = join(dataDir, DATA_KEY_FILE);
  if (env.DATA_KEY) {
    dataKey = decodeKey(env.DATA_KEY, 'DATA_KEY');
  } else if (production) {
    throw new ConfigError('DATA_KEY', 'is required in production');
  } else if (database.type === 'postgres') {
    throw new ConfigError('DATA_KEY', 'is required with PostgreSQL');
  } else if (existsSync(keyPath)) {
    dataKey = decodeKey(readFileSync(keyPath, 'utf8').trim(), `DATA_KEY (from ${keyPath})`);
  } else {
    // Everything else was valid: only now write anything.
    mkdirSync(dirname(keyPath), { recursive: true, mode: 0o700 });
    dataKey = randomBytes(32);
    writeFileSync(keyPath, dataKey.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
    dataKeyGeneratedAt = new Date().toISOString();
    warnings.push(
      `DATA_KEY is unset: generated one into ${keyPath}. A copy of data/ now holds the key with the data; set DATA_KEY outside data/ for real use.`,
    );
  }

  const dataKeyPrevious = env.DATA_KEY_PREVIOUS ? decodeKey(env.DATA_KEY_PREVIOUS, 'DATA_KEY_PREVIOUS') : null;
  if (dataKeyPrevious?.equals(dataKey)) throw new ConfigError('DATA_KEY_PREVIOUS', 'must differ from DATA_KEY');

  const webDist = resolve(options.rootDir, 'web', 'dist');
  const config: AppConfig = {
    production,
    port,
    dataDir,
    database,
    redisUrl,
    dataKey,
    dataKeyPrevious,
    dataKeyGeneratedAt,
    admin,
    quickExitUrl,
    trustProxy,
    passwordHashing: options.forTests && !production ? TEST_PASSWORD_HASHING : PRODUCTION_PASSWORD_HASHING,
    webDist: existsSync(join(webDist, 'index.html')) ? webDist : null,
    testRoutes: !production,
    caseRetentionDays,
  };
  return { config, warnings };
}
