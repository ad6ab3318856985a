import { availableParallelism } from 'node:os';

/** The typed configuration, read once at boot (no module reads `process.env`). */
export type DatabaseConfig = { type: 'sqlite'; path: string } | { type: 'postgres'; url: string };

export interface PasswordHashingConfig {
  memoryCost: number;
  timeCost: number;
  parallelism: number;
  /** At most this many hashes run at once; a burst of logins queues instead of exhausting memory. */
  maxConcurrent: number;
}

export interface AppConfig {
  production: boolean;
  port: number;
  dataDir: string;
  database: DatabaseConfig;
  redisUrl: string | null;
  dataKey: Buffer;
  /** The key before the last rotation (DATA_KEY_PREVIOUS): read with, never written with. */
  dataKeyPrevious: Buffer | null;
  /** Set when the key was generated into `data/data-key` at this boot. */
  dataKeyGeneratedAt: string | null;
  admin: { login: string; password: string } | null;
  quickExitUrl: string;
  trustProxy: number | false;
  passwordHashing: PasswordHashingConfig;
  /** Directory with the built web app; absent when only the API runs (tests). */
  webDist: string | null;
  /** Outside production only: the route that lets an acceptance test move the clock. */
  testRoutes: boolean;
  /** A closed client case is deleted this many days after closing (CASE_RETENTION_DAYS). */
  caseRetentionDays: number;
}

/** libuv's thread pool: argon2 runs there, and so do file system calls and async crypto. */
const LIBUV_POOL_THREADS = 4;

/**
 * Hashes at once: one core is left to the event loop, so the chat's acknowledgements do not wait
 * behind a login storm (with a hash on every core its p99 rose several-fold; bench/README.md,
 * logins), and one of libuv's threads to file and crypto work. The price, on 2 cores: about half
 * the machine's login ceiling (one verify is ~23 ms of CPU, so ~40 logins/s instead of ~80).
 */
export function hashingSlots(cores: number): number {
  return Math.max(1, Math.min(cores - 1, LIBUV_POOL_THREADS - 1));
}

export const PRODUCTION_PASSWORD_HASHING: PasswordHashingConfig = {
  // OWASP's argon2id minimum: 19 MiB, 2 iterations, 1 lane (~30 ms here).
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
  maxConcurrent: hashingSlots(availableParallelism()),
};

/** Cheap parameters for test suites only; never selectable through the environment in production. */
export const TEST_PASSWORD_HASHING: PasswordHashingConfig = {
  memoryCost: 1024,
  timeCost: 1,
  parallelism: 1,
  maxConcurrent: 4,
};

export const APP_CONFIG = Symbol('APP_CONFIG');
