import { randomBytes } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { deriveKey, hmacHex, sealBuffer } from '../../common/crypto';
import type { DataKey, KeyRing } from '../../common/key-ring';
import { openSealed } from './open-sealed';
import { headMac } from '../../modules/incidents/incident-chain';
import {
  CHAIN_KEYS_PURPOSE,
  chainKeysAad,
  chainKeysFromText,
  chainKeysToText,
  type ChainMacKeys,
  incidentLogKeys,
} from '../../modules/incidents/incident-keys';
import {
  type CopiedHash,
  type RecomputedHash,
  type Row,
  SEALED_DATA,
  type SealedColumn,
  sealedColumn,
  sealedColumns,
  type VersionedHash,
} from './sealed-data.registry';

export interface RotationOptions {
  /** Rows per transaction: short transactions keep the serving app's writes waiting only briefly. */
  batchSize?: number;
  /** A pause after each batch, to leave the database to a busy Tryg. */
  pauseMs?: number;
  now?: () => Date;
  log?: (line: string) => void;
}

export interface RotationResult {
  /** `<table>.<column>` → values re-sealed or hashes re-made in this run. */
  changed: Record<string, number>;
  /** `<table>.<column>` → values that open under no configured key (changed or moved): left as they are. */
  unreadable: Record<string, number>;
  /** Problems that keep the old key needed (a head MAC that does not verify, a key not configured). */
  problems: string[];
}

export interface KeyNeed {
  what: string;
  count: number;
  until: string;
}

export interface KeyStatus {
  current: string;
  previous: string | null;
  /** Key id → what still needs that key. Absent or empty: nothing needs it. */
  needs: Record<string, KeyNeed[]>;
}

const RUN_ROTATION = 'npm run rotate-key';

/**
 * Re-encrypts every sealed column and re-makes every keyed hash that can be re-made under the
 * current DATA_KEY, reading old values with DATA_KEY_PREVIOUS; records what cannot be re-made.
 * Works in small batches, each its own transaction with compare-and-set updates, so it runs while
 * Tryg serves, and a crash loses nothing: the next run finds what is not yet under the current key.
 */
export class KeyRotation {
  private readonly batchSize: number;
  private readonly pauseMs: number;
  private readonly now: () => Date;
  private readonly log: (line: string) => void;
  private readonly postgres: boolean;
  private readonly hashKeys = new Map<string, Buffer>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly ring: KeyRing,
    options: RotationOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 200;
    this.pauseMs = options.pauseMs ?? 0;
    this.now = options.now ?? (() => new Date());
    this.log = options.log ?? (() => undefined);
    this.postgres = dataSource.options.type === 'postgres';
  }

  // ------------------------------------------------------------------ rotate

  async rotate(): Promise<RotationResult> {
    const result: RotationResult = { changed: {}, unreadable: {}, problems: [] };
    for (const entry of SEALED_DATA) {
      const name = `${entry.table}.${entry.column}`;
      switch (entry.kind) {
        case 'sealed':
          await this.resealColumn(entry, result);
          break;
        case 'recomputed-hash':
          result.changed[name] = await this.remakeHashes(entry, true);
          break;
        case 'copied-hash':
          result.changed[name] = (await this.remakeCopies(entry, true)).changed;
          break;
        case 'versioned-hash':
          result.changed[name] = await this.retireUnusable(entry);
          break;
        case 'kept-mac':
        case 'unkeyed':
          break;
      }
      if (result.changed[name]) this.log(`${name}: ${result.changed[name]} re-made under key ${this.ring.current.id}`);
    }
    await this.keepChainKeys(result);
    return result;
  }

  private async resealColumn(entry: SealedColumn, result: RotationResult): Promise<void> {
    const name = `${entry.table}.${entry.column}`;
    const prefix = this.currentPrefix(entry);
    let cursor: Row | null = null;
    for (;;) {
      const params: unknown[] = [];
      const where = [
        `${entry.column} IS NOT NULL`,
        `substr(${entry.column}, 1, ${prefix.length}) <> ${this.param(params, prefix)}`,
      ];
      if (cursor) where.push(this.after(entry.key, cursor, params));
      const rows = await this.select(
        `SELECT ${[...entry.key, ...entry.reads, entry.column].join(', ')} FROM ${entry.table} WHERE ${where.join(' AND ')} ORDER BY ${entry.key.join(', ')} LIMIT ${this.batchSize}`,
        params,
      );
      if (rows.length === 0) return;
      cursor = rows[rows.length - 1];
      await this.transaction(async (m) => {
        for (const row of rows) {
          const old = row[entry.column]!;
          const plain = this.openWith(entry, row, old);
          if (plain === null) {
            result.unreadable[name] = (result.unreadable[name] ?? 0) + 1;
            continue;
          }
          const next = sealBuffer(
            entry.cipherKey(this.ring.current.material, row),
            this.ring.current.id,
            plain,
            entry.aad(row),
            entry.format === 'text' ? 'v' : 'b',
          );
          // Compare-and-set: a value the app changed meanwhile is already under the current key.
          const changed = await this.update(m, entry.table, { [entry.column]: next }, this.keyOf(entry.key, row), {
            [entry.column]: old,
          });
          result.changed[name] = (result.changed[name] ?? 0) + changed;
        }
      });
    }
  }

  /** Walks every row with a sealed source; with `write`, re-makes hashes that differ. Returns how many differ(ed). */
  private async remakeHashes(entry: RecomputedHash, write: boolean): Promise<number> {
    const source = sealedColumn(entry.from.table, entry.from.column);
    let cursor: Row | null = null;
    let differing = 0;
    for (;;) {
      const params: unknown[] = [];
      const where = [`${source.column} IS NOT NULL`];
      if (cursor) where.push(this.after(entry.key, cursor, params));
      const columns = [...new Set([...entry.key, ...source.reads, source.column, entry.column])];
      const rows = await this.select(
        `SELECT ${columns.join(', ')} FROM ${entry.table} WHERE ${where.join(' AND ')} ORDER BY ${entry.key.join(', ')} LIMIT ${this.batchSize}`,
        params,
      );
      if (rows.length === 0) return differing;
      cursor = rows[rows.length - 1];
      const updates: { row: Row; next: string }[] = [];
      for (const row of rows) {
        const plain = this.openWith(source, row, row[source.column]!);
        if (plain === null) continue;
        const next = entry.remake(plain.toString('utf8'), (purpose, value) =>
          this.hashUnder(this.ring.current, purpose, value),
        );
        if (next !== row[entry.column]) updates.push({ row, next });
      }
      differing += updates.length;
      if (write && updates.length > 0) {
        await this.transaction(async (m) => {
          for (const { row, next } of updates) {
            await this.update(m, entry.table, { [entry.column]: next }, this.keyOf(entry.key, row), {
              [entry.column]: row[entry.column],
            });
          }
        });
      }
    }
  }

  /**
   * A copied hash is re-made through the table it was copied from: every reference there, hashed
   * under each configured key, maps to its hash under the current key.
   */
  private async remakeCopies(entry: CopiedHash, write: boolean): Promise<{ changed: number; orphans: number }> {
    const source = sealedColumn(entry.copyOf.table, entry.copyOf.column);
    const toCurrent = new Map<string, string>();
    const sources = await this.select(
      `SELECT ${[...new Set([...source.key, ...source.reads, source.column])].join(', ')} FROM ${source.table} WHERE ${source.column} IS NOT NULL`,
      [],
    );
    for (const row of sources) {
      const plain = this.openWith(source, row, row[source.column]!);
      if (plain === null) continue;
      const value = entry.copyOf.normalize(plain.toString('utf8'));
      if (value === '') continue;
      const current = this.hashUnder(this.ring.current, entry.copyOf.purpose, value);
      for (const key of this.ring.all()) toCurrent.set(this.hashUnder(key, entry.copyOf.purpose, value), current);
    }
    const rows = await this.select(
      `SELECT ${[...entry.key, entry.column].join(', ')} FROM ${entry.table} WHERE ${entry.column} IS NOT NULL`,
      [],
    );
    let changed = 0;
    let orphans = 0;
    const updates: { row: Row; next: string }[] = [];
    for (const row of rows) {
      const next = toCurrent.get(row[entry.column]!);
      if (next === undefined) orphans++;
      else if (next !== row[entry.column]) updates.push({ row, next });
    }
    if (!write) return { changed: updates.length, orphans };
    for (let i = 0; i < updates.length; i += this.batchSize) {
      await this.transaction(async (m) => {
        for (const { row, next } of updates.slice(i, i + this.batchSize)) {
          changed += await this.update(m, entry.table, { [entry.column]: next }, this.keyOf(entry.key, row), {
            [entry.column]: row[entry.column],
          });
        }
      });
    }
    return { changed, orphans };
  }

  /**
   * Codes cannot be re-hashed. Rows without a key id get the legacy key's; a code nobody can use
   * any more gets random bytes in place of its old-key hash, so nothing made with the old key stays.
   */
  private async retireUnusable(entry: VersionedHash): Promise<number> {
    if (this.ring.previous) {
      await this.transaction(async (m) => {
        const params: unknown[] = [];
        await m.query(
          `UPDATE ${entry.table} SET ${entry.keyIdColumn} = ${this.param(params, this.ring.legacy.id)} WHERE ${entry.keyIdColumn} IS NULL`,
          params,
        );
      });
    }
    let retired = 0;
    for (;;) {
      const params: unknown[] = [];
      const rows = await this.select(
        `SELECT ${entry.key.join(', ')} FROM ${entry.table} WHERE (${entry.keyIdColumn} IS NULL OR ${entry.keyIdColumn} <> ${this.param(params, this.ring.current.id)}) AND NOT (${this.usable(entry, params)}) LIMIT ${this.batchSize}`,
        params,
      );
      if (rows.length === 0) return retired;
      await this.transaction(async (m) => {
        for (const row of rows) {
          retired += await this.update(
            m,
            entry.table,
            { [entry.column]: randomBytes(32).toString('hex'), [entry.keyIdColumn]: this.ring.current.id },
            this.keyOf(entry.key, row),
            {},
          );
        }
      });
    }
  }

  /**
   * Incident chains: links keep their MACs (exports print them). For every log with links made
   * under another key, keep that key's MAC keys for the log, sealed under the current key; check the
   * head MAC under its key and re-make it under the current one (one that does not verify stays:
   * it is evidence of tampering).
   */
  private async keepChainKeys(result: RotationResult): Promise<void> {
    const current = this.ring.current.id;
    const accounts = await this.select(
      `SELECT account_id FROM incident_versions WHERE key_id IS NULL OR key_id <> ${this.param([], current, 1)}
       UNION SELECT account_id FROM incident_logs WHERE key_id IS NULL OR key_id <> ${this.param([], current, 2)}`,
      [current, current],
    );
    let kept = 0;
    let remade = 0;
    for (const { account_id: accountId } of accounts) {
      await this.transaction(async (m) => {
        const legacy = this.ring.legacy.id;
        await m.query(
          `UPDATE incident_versions SET key_id = ${this.param([], legacy, 1)} WHERE account_id = ${this.param([], accountId, 2)} AND key_id IS NULL`,
          [legacy, accountId],
        );
        await m.query(
          `UPDATE incident_logs SET key_id = ${this.param([], legacy, 1)} WHERE account_id = ${this.param([], accountId, 2)} AND key_id IS NULL`,
          [legacy, accountId],
        );
        const used = (await m.query(
          `SELECT DISTINCT key_id FROM incident_versions WHERE account_id = ${this.param([], accountId, 1)}`,
          [accountId],
        )) as Row[];
        for (const { key_id: keyId } of used) {
          if (!keyId || keyId === current) continue;
          if (await this.macKeysOf(m, accountId!, keyId, true)) continue;
          const dataKey = this.ring.byId(keyId);
          if (!dataKey) {
            result.problems.push(
              `incident log of account ${accountId}: links made with key ${keyId}, which is not configured`,
            );
            continue;
          }
          const sealed = sealBuffer(
            deriveKey(this.ring.current.material, `seal:${CHAIN_KEYS_PURPOSE}`),
            current,
            Buffer.from(chainKeysToText(incidentLogKeys(dataKey.material, accountId!)), 'utf8'),
            chainKeysAad(accountId!, keyId),
            'v',
          );
          await m.query(
            `INSERT INTO incident_chain_keys (account_id, key_id, keys_sealed, created_at) VALUES (${this.param([], 0, 1)}, ${this.param([], 0, 2)}, ${this.param([], 0, 3)}, ${this.param([], 0, 4)})`,
            [accountId, keyId, sealed, this.now().toISOString()],
          );
          kept++;
        }
        const [log] = (await m.query(
          `SELECT version_count, head_hash, head_entry_id, head_version, head_mac, key_id FROM incident_logs WHERE account_id = ${this.param([], accountId, 1)}`,
          [accountId],
        )) as Row[];
        if (!log || log.key_id === current) return;
        const oldKeys = await this.macKeysOf(m, accountId!, log.key_id!, false);
        const head = {
          versionCount: Number(log.version_count),
          headHash: log.head_hash!,
          headEntryId: log.head_entry_id,
          headVersion: log.head_version === null ? null : Number(log.head_version),
        };
        if (!oldKeys || headMac(macHashes(oldKeys), head) !== log.head_mac) {
          result.problems.push(
            `incident log of account ${accountId}: its head MAC does not verify under key ${log.key_id}; left as it is`,
          );
          return;
        }
        const next = headMac(macHashes(incidentLogKeys(this.ring.current.material, accountId!)), head);
        remade += await this.update(
          m,
          'incident_logs',
          { head_mac: next, key_id: current },
          { account_id: accountId },
          { head_mac: log.head_mac, version_count: log.version_count },
        );
      });
    }
    if (kept) this.log(`incident_chain_keys: kept the MAC keys of ${kept} log(s) made under a previous key`);
    if (remade) this.log(`incident_logs.head_mac: ${remade} re-made under key ${current}`);
  }

  /** A log's MAC keys under a key id: from the configured key or from incident_chain_keys (`storedOnly`: only the latter). */
  private async macKeysOf(
    m: EntityManager,
    accountId: string,
    keyId: string,
    storedOnly: boolean,
  ): Promise<ChainMacKeys | null> {
    const dataKey = this.ring.byId(keyId);
    if (dataKey && !storedOnly) return incidentLogKeys(dataKey.material, accountId);
    const [row] = (await m.query(
      `SELECT keys_sealed FROM incident_chain_keys WHERE account_id = ${this.param([], accountId, 1)} AND key_id = ${this.param([], keyId, 2)}`,
      [accountId, keyId],
    )) as Row[];
    if (!row) return null;
    const plain = this.openWith(
      sealedColumn('incident_chain_keys', 'keys_sealed'),
      { account_id: accountId, key_id: keyId },
      row.keys_sealed!,
    );
    return plain ? chainKeysFromText(plain.toString('utf8')) : null;
  }

  // ------------------------------------------------------------------ status

  /** Which keys are still needed, by what. The previous key is free when nothing lists it. */
  async status(): Promise<KeyStatus> {
    const needs: Record<string, KeyNeed[]> = {};
    const need = (keyId: string | null, item: KeyNeed) => {
      if (item.count === 0) return;
      const id = keyId ?? this.ring.legacy.id;
      (needs[id] ??= []).push(item);
    };
    const current = this.ring.current.id;
    for (const entry of sealedColumns()) {
      const prefix = this.currentPrefix(entry);
      const params: unknown[] = [];
      const versioned = `${entry.format === 'text' ? 'v' : 'b'}2.`;
      const rows = await this.select(
        `SELECT CASE WHEN substr(${entry.column}, 1, 3) = ${this.param(params, versioned)} THEN substr(${entry.column}, 4, 8) ELSE NULL END AS key_id, count(*) AS n
         FROM ${entry.table} WHERE ${entry.column} IS NOT NULL AND substr(${entry.column}, 1, ${prefix.length}) <> ${this.param(params, prefix)}
         GROUP BY 1`,
        params,
      );
      for (const row of rows)
        need(row.key_id, {
          what: `sealed values in ${entry.table}.${entry.column}`,
          count: Number(row.n),
          until: `re-encrypted by ${RUN_ROTATION}`,
        });
    }
    for (const entry of SEALED_DATA) {
      if (entry.kind === 'recomputed-hash') {
        const stale = await this.remakeHashes(entry, false);
        if (this.ring.previous)
          need(this.ring.previous.id, {
            what: `keyed hashes in ${entry.table}.${entry.column}`,
            count: stale,
            until: `re-made by ${RUN_ROTATION}`,
          });
      } else if (entry.kind === 'copied-hash') {
        const { changed, orphans } = await this.remakeCopies(entry, false);
        if (this.ring.previous) {
          need(this.ring.previous.id, {
            what: `keyed hashes in ${entry.table}.${entry.column}`,
            count: changed,
            until: `re-made by ${RUN_ROTATION}`,
          });
          need(this.ring.previous.id, {
            what: `keyed hashes in ${entry.table}.${entry.column} whose source is gone`,
            count: orphans,
            until: 'the rows are deleted',
          });
        }
      } else if (entry.kind === 'versioned-hash') {
        const params: unknown[] = [];
        const rows = await this.select(
          `SELECT ${entry.keyIdColumn} AS key_id, count(*) AS n FROM ${entry.table}
           WHERE (${entry.keyIdColumn} IS NULL OR ${entry.keyIdColumn} <> ${this.param(params, current)}) AND (${this.usable(entry, params)})
           GROUP BY ${entry.keyIdColumn}`,
          params,
        );
        for (const row of rows) need(row.key_id, { what: entry.what, count: Number(row.n), until: entry.until });
        const spentParams: unknown[] = [];
        const spent = await this.select(
          `SELECT ${entry.keyIdColumn} AS key_id, count(*) AS n FROM ${entry.table}
           WHERE (${entry.keyIdColumn} IS NULL OR ${entry.keyIdColumn} <> ${this.param(spentParams, current)}) AND NOT (${this.usable(entry, spentParams)})
           GROUP BY ${entry.keyIdColumn}`,
          spentParams,
        );
        // Nobody can use these any more, but they were made with the key: not free until they are gone.
        for (const row of spent)
          need(row.key_id, {
            what: entry.spent ?? `spent ${entry.what.replace(/^(open|unused) /, '')} hashed with it`,
            count: Number(row.n),
            until: `${RUN_ROTATION} overwrites them`,
          });
      }
    }
    // Links made under a key that is neither current nor kept for the log, and heads not yet re-made.
    const links = await this.select(
      `SELECT v.key_id AS key_id, count(DISTINCT v.account_id) AS n FROM incident_versions v
       LEFT JOIN incident_chain_keys k ON k.account_id = v.account_id AND k.key_id = v.key_id
       WHERE (v.key_id IS NULL OR v.key_id <> ${this.param([], current, 1)}) AND k.key_id IS NULL GROUP BY v.key_id`,
      [current],
    );
    for (const row of links)
      need(row.key_id, {
        what: 'incident logs whose links need it to be checked',
        count: Number(row.n),
        until: `${RUN_ROTATION} keeps their MAC keys`,
      });
    const heads = await this.select(
      `SELECT key_id, count(*) AS n FROM incident_logs WHERE key_id IS NULL OR key_id <> ${this.param([], current, 1)} GROUP BY key_id`,
      [current],
    );
    for (const row of heads)
      need(row.key_id, { what: 'incident log heads', count: Number(row.n), until: `re-made by ${RUN_ROTATION}` });
    return { current, previous: this.ring.previous?.id ?? null, needs };
  }

  // ------------------------------------------------------------------ helpers

  private currentPrefix(entry: SealedColumn): string {
    return `${entry.format === 'text' ? 'v' : 'b'}2.${this.ring.current.id}.`;
  }

  private openWith(entry: SealedColumn, row: Row, sealed: string): Buffer | null {
    return openSealed(this.ring, entry, row, sealed);
  }

  private hashUnder(dataKey: DataKey, purpose: string, value: string): string {
    const name = `${dataKey.id}:${purpose}`;
    let key = this.hashKeys.get(name);
    if (!key) {
      key = deriveKey(dataKey.material, `hash:${purpose}`);
      this.hashKeys.set(name, key);
    }
    return hmacHex(key, value);
  }

  private usable(entry: VersionedHash, params: unknown[]): string {
    const condition =
      typeof entry.stillUsable === 'string'
        ? entry.stillUsable
        : entry.stillUsable[this.postgres ? 'postgres' : 'sqlite'];
    return condition.replace(':now', () => this.param(params, this.now().toISOString()));
  }

  /** Adds a parameter and returns its placeholder (`?` on SQLite, `$n` on PostgreSQL); `position` for a fixed list. */
  private param(params: unknown[], value: unknown, position?: number): string {
    if (position !== undefined) return this.postgres ? `$${position}` : '?';
    params.push(value);
    return this.postgres ? `$${params.length}` : '?';
  }

  /** `(a, b) > (x, y)` spelled out, which both databases plan well. */
  private after(key: string[], row: Row, params: unknown[]): string {
    const [first, ...rest] = key;
    if (rest.length === 0) return `${first} > ${this.param(params, row[first])}`;
    return `(${first} > ${this.param(params, row[first])} OR (${first} = ${this.param(params, row[first])} AND ${this.after(rest, row, params)}))`;
  }

  private keyOf(key: string[], row: Row): Row {
    return Object.fromEntries(key.map((column) => [column, row[column]]));
  }

  private async select(sql: string, params: unknown[]): Promise<Row[]> {
    return (await this.dataSource.query(sql, params)) as Row[];
  }

  /** One short transaction; on SQLite it takes the write lock first (see WriteQueue). */
  private async transaction(work: (m: EntityManager) => Promise<void>): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      if (!this.postgres) await m.query('DELETE FROM migrations WHERE 0');
      await work(m);
    });
    if (this.pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, this.pauseMs));
  }

  /** UPDATE … SET `values` WHERE `key` AND every `expected` column still holds its value; returns rows changed. */
  private async update(
    m: EntityManager,
    table: string,
    values: Record<string, unknown>,
    key: Row,
    expected: Record<string, unknown>,
  ): Promise<number> {
    const params: unknown[] = [];
    const set = Object.entries(values).map(([column, value]) => `${column} = ${this.param(params, value)}`);
    const where = Object.entries({ ...key, ...expected }).map(([column, value]) =>
      value === null ? `${column} IS NULL` : `${column} = ${this.param(params, value)}`,
    );
    const outcome: unknown = await m.query(
      `UPDATE ${table} SET ${set.join(', ')} WHERE ${where.join(' AND ')}`,
      params,
    );
    return affected(outcome);
  }
}

function macHashes(keys: ChainMacKeys) {
  return {
    digest: (canonical: string) => hmacHex(keys.digest, canonical),
    link: (canonical: string) => hmacHex(keys.chain, canonical),
    head: (canonical: string) => hmacHex(keys.head, canonical),
  };
}

/** Rows an UPDATE changed, as TypeORM's drivers report it (better-sqlite3: `{ changes }`; pg: `[rows, count]`). */
function affected(outcome: unknown): number {
  if (Array.isArray(outcome) && typeof outcome[1] === 'number') return outcome[1];
  if (outcome && typeof outcome === 'object' && 'changes' in outcome)
    return Number((outcome as { changes: number }).changes);
  if (outcome && typeof outcome === 'object' && 'affected' in outcome)
    return Number((outcome as { affected: number }).affected ?? 0);
  return 0;
}
