import { chmodSync, closeSync, existsSync, openSync } from 'node:fs';

/**
 * Creates `path` empty, readable and writable by this service's user alone (0600), whatever the
 * umask, or narrows an existing one to that. For files that hold personal data or keys: the
 * database (SQLite gives its `-wal` and `-shm` the database file's mode), backups.
 */
export function ensurePrivateFile(path: string): void {
  try {
    closeSync(openSync(path, 'wx', 0o600));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  chmodSync(path, 0o600);
}

/** The database file and, when they exist (from an older version, say), its WAL and shared-memory files. */
export function ensurePrivateDatabaseFiles(path: string): void {
  ensurePrivateFile(path);
  for (const companion of [`${path}-wal`, `${path}-shm`]) if (existsSync(companion)) chmodSync(companion, 0o600);
}
