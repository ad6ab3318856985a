import Database from 'better-sqlite3';
import type { KeyRing } from '../common/key-ring';
import { openSealed } from './key-rotation/open-sealed';
import { type Row, sealedColumns, SEALED_DATA } from './key-rotation/sealed-data.registry';

/** SQLite's own check of every page and index: 'ok' or the first problems it found. */
export function integrityOf(path: string): string {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    return rows.map((r) => r.integrity_check).join('; ');
  } finally {
    db.close();
  }
}

export type KeyCheck = { ok: true; checked: number } | { ok: false; keyIds: string[] };

/**
 * Whether this copy can be read with the configured keys: one value of every sealed column (and
 * the key ids codes and incident links record) must open / be known. A copy made under another
 * key, or damaged, fails before anything is replaced.
 */
export function keyCheckOf(path: string, ring: KeyRing): KeyCheck {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const foreign = new Set<string>();
    let checked = 0;
    for (const entry of sealedColumns()) {
      const columns = [...new Set([...entry.key, ...entry.reads, entry.column])].join(', ');
      const row = db
        .prepare(`SELECT ${columns} FROM ${entry.table} WHERE ${entry.column} IS NOT NULL LIMIT 1`)
        .get() as Row | undefined;
      if (!row) continue;
      checked++;
      if (openSealed(ring, entry, row, row[entry.column]!) === null)
        foreign.add(/^[vb]2\.([A-Za-z0-9_-]{8})\./.exec(row[entry.column]!)?.[1] ?? 'unknown');
    }
    for (const entry of SEALED_DATA) {
      if (entry.kind !== 'versioned-hash' && !(entry.kind === 'kept-mac' && entry.keyIdColumn)) continue;
      const column = entry.kind === 'versioned-hash' ? entry.keyIdColumn : entry.keyIdColumn!;
      for (const { id } of db
        .prepare(`SELECT DISTINCT ${column} AS id FROM ${entry.table} WHERE ${column} IS NOT NULL`)
        .all() as { id: string }[]) {
        checked++;
        if (!ring.byId(id)) foreign.add(id);
      }
    }
    return foreign.size === 0 ? { ok: true, checked } : { ok: false, keyIds: [...foreign] };
  } finally {
    db.close();
  }
}

/**
 * True when another process (a running Tryg) has the database open. Leaving WAL mode needs the
 * only connection; SQLite refuses it while anyone else is connected.
 */
export function inUse(path: string): boolean {
  const db = new Database(path, { fileMustExist: true, timeout: 200 });
  try {
    db.pragma('journal_mode = DELETE');
    return false;
  } catch {
    return true;
  } finally {
    db.close();
  }
}
