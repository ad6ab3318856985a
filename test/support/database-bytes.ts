import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';

/**
 * Every byte the database keeps (TESTING.md): checkpoint the WAL into the main file, then read
 * the main file, -wal and -shm together, plus any other files under the data folder (attachments).
 */
export async function readAllStoredBytes(dataSource: DataSource, dataDir: string): Promise<Buffer> {
  await dataSource.query('PRAGMA wal_checkpoint(TRUNCATE)');
  return readRawBytes(dataDir);
}

/** Every file under the data folder exactly as it lies on disk: no checkpoint first (that is the product's job). */
export function readRawBytes(dataDir: string): Buffer {
  const chunks: Buffer[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else chunks.push(readFileSync(path));
    }
  };
  if (existsSync(dataDir)) walk(dataDir);
  return Buffer.concat(chunks);
}

/** True when `needle` appears in the bytes as UTF-8 or as UTF-16 (either byte order). */
export function containsText(bytes: Buffer, needle: string): boolean {
  return (
    bytes.includes(Buffer.from(needle, 'utf8')) ||
    bytes.includes(Buffer.from(needle, 'utf16le')) ||
    bytes.includes(Buffer.from(needle, 'utf16le').swap16())
  );
}
