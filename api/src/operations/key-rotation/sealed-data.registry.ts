import { deriveKey } from '../../common/crypto';
import { normalizeReference } from '../../common/text-folding';
import {
  CLIENT_CASE_PURPOSE,
  CLIENT_SEALED_COLUMNS,
  ClientSealing,
  type ClientSealedColumn,
} from '../../modules/clients/client-sealing';
import {
  CHAIN_KEYS_PURPOSE,
  chainKeysAad,
  incidentAttachmentAad,
  incidentContentAad,
  incidentLogKeys,
} from '../../modules/incidents/incident-keys';

/**
 * THE list of everything Tryg keeps under DATA_KEY: every sealed column and every keyed hash, with
 * how each is opened (key and AAD) and, for hashes, whether and how it is re-made. `npm run
 * rotate-key` works from this list alone; a test fails when a column that looks sealed or hashed
 * (`*_sealed`, `*_hash`, `*_hashes`, `*_mac`, `digest`, `content`) is missing here.
 *
 * A feature that adds an encrypted column adds one `sealed` entry (its AAD recipe must match the
 * code that seals it: the rotation test opens every entry's values through the app afterwards).
 */

/** A row as the database returns it, by column name. */
export type Row = Record<string, string | null>;

export interface SealedColumn {
  kind: 'sealed';
  module: string;
  table: string;
  column: string;
  /** The primary key, in order (batches walk it). */
  key: string[];
  /** Further columns the AAD or the key derivation reads. */
  reads: string[];
  /** `text`: `v1`/`v2` values (UTF-8 text); `bytes`: `b1`/`b2` values (files). */
  format: 'text' | 'bytes';
  /** The AES key of this value under one data key. */
  cipherKey: (dataKey: Buffer, row: Row) => Buffer;
  aad: (row: Row) => string;
}

/** A keyed hash re-made from a sealed column of the same row (opened first). */
export interface RecomputedHash {
  kind: 'recomputed-hash';
  module: string;
  table: string;
  column: string;
  key: string[];
  /** The sealed column (an entry above) whose text the hash is made from. */
  from: { table: string; column: string };
  /** The stored value from the opened text, with `hash(purpose, value)` under the current key. */
  remake: (text: string, hash: (purpose: string, value: string) => string) => string;
}

/** A keyed hash copied from another table's recomputed hash (a ban keeps its referral's client-reference hash). */
export interface CopiedHash {
  kind: 'copied-hash';
  module: string;
  table: string;
  column: string;
  key: string[];
  /** Where the same person's hash is re-made; equal hashes under one key mean equal references. */
  copyOf: { table: string; column: string; purpose: string; normalize: (text: string) => string };
}

/**
 * A keyed hash of a secret only its holder knows (a code): it cannot be re-made, so it records the
 * key it was made with and is looked up under every configured key. Once nobody can use it any
 * more (`stillUsable` false) rotation overwrites it with random bytes: nothing made with the old key remains.
 */
export interface VersionedHash {
  kind: 'versioned-hash';
  module: string;
  table: string;
  column: string;
  keyIdColumn: string;
  key: string[];
  /**
   * SQL condition: the hash can still be used, so its key is still needed. `:now` is the current
   * instant; a condition that needs date arithmetic gives one per database.
   */
  stillUsable: string | { sqlite: string; postgres: string };
  /** What --status calls them. */
  what: string;
  /** What --status calls those nobody can use any more (default: "spent …"). */
  spent?: string;
  /** How they stop needing the old key. */
  until: string;
}

/**
 * MACs that were handed out (incident exports print every link's hash and the chain's final hash):
 * never re-made. Each row records its key; rotation keeps a retired key's MAC keys per log
 * (incident_chain_keys, sealed above), so the old data key itself is not needed to check them.
 */
export interface KeptMac {
  kind: 'kept-mac';
  module: string;
  table: string;
  column: string;
  keyIdColumn: string | null;
  why: string;
}

/** Hashes that need no key: nothing to rotate (listed so the completeness test knows them). */
export interface Unkeyed {
  kind: 'unkeyed';
  module: string;
  table: string;
  column: string;
  why: string;
}

export type RegistryEntry = SealedColumn | RecomputedHash | CopiedHash | VersionedHash | KeptMac | Unkeyed;

/** DataCrypto.seal(purpose, …): AES key = HKDF(DATA_KEY, `seal:<purpose>`). */
const purposeKey = (purpose: string) => (dataKey: Buffer) => deriveKey(dataKey, `seal:${purpose}`);

const message = (column: string, field: string): SealedColumn => ({
  kind: 'sealed',
  module: 'chat',
  table: 'messages',
  column,
  key: ['id'],
  reads: ['group_id'],
  format: 'text',
  cipherKey: purposeKey('message'),
  aad: (r) => `messages.${field}:${r.id}:${r.group_id}`,
});

/** ModerationSealing: `<table>.<column>:<rowId>:<groupId>[:<memberId>]`. */
const moderation = (table: string, column: string, place: string, owner?: string): SealedColumn => ({
  kind: 'sealed',
  module: 'moderation',
  table,
  column,
  key: ['id'],
  reads: owner ? ['group_id', owner] : ['group_id'],
  format: 'text',
  cipherKey: purposeKey('moderation'),
  aad: (r) => `${place}:${r.id}:${r.group_id}${owner ? `:${r[owner]}` : ''}`,
});

/**
 * ClientSealing: AAD `<table>.<field>:<rowId>:<clientId>`, stored in `<table>.<field>_sealed`; a
 * case is its own client, its tasks and screenings name theirs in `client_id`.
 */
const clientCase = (place: ClientSealedColumn): SealedColumn => {
  const [table, field] = place.split('.');
  const clientId = table === 'client_cases' ? 'id' : 'client_id';
  return {
    kind: 'sealed',
    module: 'clients',
    table,
    column: `${field}_sealed`,
    key: ['id'],
    reads: clientId === 'id' ? [] : [clientId],
    format: 'text',
    cipherKey: purposeKey(CLIENT_CASE_PURPOSE),
    aad: (r) => ClientSealing.aad(place, r.id!, r[clientId]!),
  };
};

/** The days a reservation's group keeps a departed member's name (DisplayNameRegistry.assertAvailable). */
const RESERVATION_GROUP_RETENTION =
  '(SELECT g.retention_days FROM groups g WHERE g.id = display_name_reservations.group_id)';

const referral = (column: string, place: string): SealedColumn => ({
  kind: 'sealed',
  module: 'referrals',
  table: 'referrals',
  column,
  key: ['id'],
  reads: [],
  format: 'text',
  cipherKey: purposeKey('referral'),
  aad: (r) => `${place}:${r.id}`,
});

export const SEALED_DATA: RegistryEntry[] = [
  // chat (message-sealing.ts)
  message('body_sealed', 'body'),
  message('content_warning_sealed', 'content_warning'),
  message('removal_reason_sealed', 'removal_reason'),

  // referrals (referrals.service.ts SEALED)
  referral('client_reference_sealed', 'referrals.client_reference'),
  referral('note_sealed', 'referrals.note'),
  referral('keep_apart_sealed', 'referrals.keep_apart'),
  {
    kind: 'recomputed-hash',
    module: 'referrals',
    table: 'referrals',
    column: 'client_reference_hash',
    key: ['id'],
    from: { table: 'referrals', column: 'client_reference_sealed' },
    remake: (text, hash) => hash('person-reference', normalizeReference(text)),
  },
  {
    kind: 'recomputed-hash',
    module: 'referrals',
    table: 'referrals',
    column: 'keep_apart_hashes',
    key: ['id'],
    from: { table: 'referrals', column: 'keep_apart_sealed' },
    remake: (text, hash) =>
      JSON.stringify([
        ...new Set(
          (JSON.parse(text) as string[])
            .map(normalizeReference)
            .filter((r) => r !== '')
            .map((r) => hash('person-reference', r)),
        ),
      ]),
  },
  {
    kind: 'versioned-hash',
    module: 'referrals',
    table: 'referrals',
    column: 'code_hash',
    keyIdColumn: 'code_key_id',
    key: ['id'],
    stillUsable: `status = 'issued' AND expires_at > :now`,
    what: 'open referral codes',
    until: 'they are redeemed, revoked or expire',
  },

  // membership (bans outlive the account; moderation copies the referral's hash)
  {
    kind: 'copied-hash',
    module: 'membership',
    table: 'group_bans',
    column: 'client_reference_hash',
    key: ['id'],
    copyOf: {
      table: 'referrals',
      column: 'client_reference_sealed',
      purpose: 'person-reference',
      normalize: normalizeReference,
    },
  },

  // membership (display-name-registry.ts): names of departed members, kept only as keyed hashes
  {
    kind: 'versioned-hash',
    module: 'membership',
    table: 'display_name_reservations',
    column: 'name_hash',
    keyIdColumn: 'key_id',
    key: ['id'],
    stillUsable: {
      sqlite: `created_at >= strftime('%Y-%m-%dT%H:%M:%fZ', :now, '-' || ${RESERVATION_GROUP_RETENTION} || ' days')`,
      postgres: `created_at >= to_char((CAST(:now AS timestamptz) - ${RESERVATION_GROUP_RETENTION} * INTERVAL '1 day') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    },
    what: 'reserved display names',
    spent: 'expired display name reservations hashed with it',
    until: "their group's retention period has passed since the member left",
  },

  // clients (client-sealing.ts CLIENT_SEALED_COLUMNS; the reference's hash is the referrals' one)
  ...CLIENT_SEALED_COLUMNS.map(clientCase),
  {
    kind: 'recomputed-hash',
    module: 'clients',
    table: 'client_cases',
    column: 'reference_hash',
    key: ['id'],
    from: { table: 'client_cases', column: 'reference_sealed' },
    remake: (text, hash) => hash('person-reference', normalizeReference(text)),
  },

  // auth
  {
    kind: 'versioned-hash',
    module: 'auth',
    table: 'recovery_codes',
    column: 'code_hash',
    keyIdColumn: 'key_id',
    key: ['id'],
    stillUsable: 'used_at IS NULL',
    what: 'unused recovery codes',
    until: 'they are used (then re-hashed under the new key) or their owner makes new ones',
  },
  {
    kind: 'unkeyed',
    module: 'auth',
    table: 'sessions',
    column: 'token_hash',
    why: 'SHA-256 of a 256-bit random token: needs no key',
  },
  {
    kind: 'unkeyed',
    module: 'accounts',
    table: 'accounts',
    column: 'password_hash',
    why: 'argon2id: salted and slow, needs no key',
  },
  {
    kind: 'unkeyed',
    module: 'scheduling',
    table: 'calendar_tokens',
    column: 'token_hash',
    why: 'SHA-256 of a 256-bit random token: needs no key',
  },

  // moderation (moderation-sealing.ts: place, row, group[, member])
  moderation('member_notes', 'body_sealed', 'member_notes.body', 'member_id'),
  moderation('reports', 'note_sealed', 'reports.note'),
  moderation('reports', 'resolution_note_sealed', 'reports.resolution_note'),
  moderation('safety_alerts', 'resolution_note_sealed', 'safety_alerts.resolution_note'),
  moderation('moderation_log', 'reason_sealed', 'moderation_log.reason'),

  // incidents (incident-keys.ts: per-account keys from HKDF(DATA_KEY, `incident-log:<account>`))
  {
    kind: 'sealed',
    module: 'incidents',
    table: 'incident_versions',
    column: 'content',
    key: ['id'],
    reads: ['account_id'],
    format: 'text',
    cipherKey: (dataKey, r) => incidentLogKeys(dataKey, r.account_id!).seal,
    aad: (r) => incidentContentAad(r.account_id!, r.id!),
  },
  {
    kind: 'sealed',
    module: 'incidents',
    table: 'incident_attachments',
    column: 'content',
    key: ['id'],
    reads: ['account_id'],
    format: 'bytes',
    cipherKey: (dataKey, r) => incidentLogKeys(dataKey, r.account_id!).attachment,
    aad: (r) => incidentAttachmentAad(r.account_id!, r.id!),
  },
  {
    kind: 'sealed',
    module: 'incidents',
    table: 'incident_chain_keys',
    column: 'keys_sealed',
    key: ['account_id', 'key_id'],
    reads: [],
    format: 'text',
    cipherKey: purposeKey(CHAIN_KEYS_PURPOSE),
    aad: (r) => chainKeysAad(r.account_id!, r.key_id!),
  },
  {
    kind: 'kept-mac',
    module: 'incidents',
    table: 'incident_versions',
    column: 'digest',
    keyIdColumn: 'key_id',
    why: 'part of each exported link',
  },
  {
    kind: 'kept-mac',
    module: 'incidents',
    table: 'incident_versions',
    column: 'hash',
    keyIdColumn: 'key_id',
    why: 'printed in exports',
  },
  {
    kind: 'kept-mac',
    module: 'incidents',
    table: 'incident_logs',
    column: 'head_hash',
    keyIdColumn: null,
    why: "the last link's hash, printed as the chain's final hash",
  },
  {
    kind: 'kept-mac',
    module: 'incidents',
    table: 'incident_logs',
    column: 'head_mac',
    keyIdColumn: 'key_id',
    why: 'not exported: rotation checks it under its key and re-makes it under the new one',
  },
];

export const sealedColumns = (): SealedColumn[] => SEALED_DATA.filter((e): e is SealedColumn => e.kind === 'sealed');

export function sealedColumn(table: string, column: string): SealedColumn {
  const found = sealedColumns().find((e) => e.table === table && e.column === column);
  if (!found) throw new Error(`${table}.${column} is not a sealed column in the registry`);
  return found;
}
