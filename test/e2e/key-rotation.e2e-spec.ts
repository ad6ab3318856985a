import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Response } from 'superagent';
import { confusableKeys, CSRF_HEADER, CSRF_HEADER_VALUE } from '@tryg/shared';
import {
  DecryptionError,
  deriveKey,
  hmacHex,
  keyIdOf,
  normalizeReadableCode,
  openBuffer,
  parseSealed,
  sealedKeyId,
} from '../../api/src/common/crypto';
import { DataCrypto } from '../../api/src/common/data-crypto.service';
import { normalizeReference } from '../../api/src/common/text-folding';
import { CLIENT_SEALED_COLUMNS, ClientSealing } from '../../api/src/modules/clients/client-sealing';
import { SEALED_DATA, sealedColumns } from '../../api/src/operations/key-rotation/sealed-data.registry';
import type { KeyStatus } from '../../api/src/operations/key-rotation/key-rotation';
import { builtApiFile } from '../support/built-api';
import { createTestDatabase, type TestDatabase } from '../support/postgres';
import { newClientId, startMeetingNow } from '../support/chat-fixtures';
import { addApprovedParticipant, createGroupFixture, type GroupFixture, type Participant } from '../support/groups';
import { joinRoom, sendMessage } from '../support/moderation-fixtures';
import type { ChatClient } from '../support/sockets';
import { Client, clientWithToken, signInAdmin, startTestApp, type TestApp, tokenOf } from '../support/test-app';

const KEY_A = Buffer.alloc(32, 0xa1);
const KEY_B = Buffer.alloc(32, 0xb2);
const ID_A = keyIdOf(KEY_A);
const ID_B = keyIdOf(KEY_B);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const DAY_MS = 24 * 60 * 60 * 1000;

function binary(res: Response, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

/** A set-up step that must succeed: fails with the answer when it does not. */
function ok(res: Response): Response {
  if (res.status >= 300) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
  return res;
}

/** Runs `npm run rotate-key` as its own process, as an operator would, against the test's database. */
function rotateKey(databaseUrl: string, args: string[]) {
  const child = spawn(process.execPath, [builtApiFile('operations/rotate-key.js'), ...args], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      DATA_KEY: KEY_B.toString('base64'),
      DATA_KEY_PREVIOUS: KEY_A.toString('base64'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, output })),
  );
  return { child, done };
}

async function status(databaseUrl: string): Promise<KeyStatus> {
  const { code, output } = await rotateKey(databaseUrl, ['--status', '--json']).done;
  expect({ code, output }).toMatchObject({ code: 0 });
  return JSON.parse(output.trim().split('\n').pop()!) as KeyStatus;
}

/** Every value the registry lists, tried with the old key alone: how many open. */
async function openableWithOldKey(app: TestApp): Promise<string[]> {
  const opened: string[] = [];
  for (const entry of sealedColumns()) {
    const rows = (await app.dataSource.query(
      `SELECT ${[...new Set([...entry.key, ...entry.reads, entry.column])].join(', ')} FROM ${entry.table} WHERE ${entry.column} IS NOT NULL`,
    )) as Record<string, string | null>[];
    for (const row of rows) {
      try {
        openBuffer(
          entry.cipherKey(KEY_A, row),
          row[entry.column]!,
          entry.aad(row),
          entry.format === 'text' ? 'v' : 'b',
        );
        opened.push(`${entry.table}.${entry.column}`);
      } catch (error) {
        if (!(error instanceof DecryptionError)) throw error;
      }
    }
  }
  return opened;
}

/** A value as DataCrypto writes it (`v1`/`v2` text, `b1`/`b2` bytes: key id, 96-bit nonce, body and tag). */
function looksSealed(value: string): boolean {
  const prefix = value[0];
  if (prefix !== 'v' && prefix !== 'b') return false;
  try {
    parseSealed(value, prefix);
    return true;
  } catch (error) {
    if (error instanceof DecryptionError) return false;
    throw error;
  }
}

/**
 * Every `<table>.<column>` of the SQLite database holding a value that looks sealed, whatever the
 * column is called: what rotation must re-seal, so what the registry must know.
 */
async function columnsHoldingSealedValues(app: TestApp): Promise<string[]> {
  const found: string[] = [];
  const tables = (await app.dataSource.query(
    `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`,
  )) as { name: string }[];
  for (const { name: table } of tables) {
    const columns = (await app.dataSource.query(`PRAGMA table_info("${table}")`)) as { name: string }[];
    for (const { name: column } of columns) {
      const candidates = (await app.dataSource.query(
        `SELECT CAST("${column}" AS TEXT) AS value FROM "${table}" WHERE CAST("${column}" AS TEXT) GLOB '[vb][12].*' LIMIT 50`,
      )) as { value: string }[];
      if (candidates.some((row) => looksSealed(row.value))) found.push(`${table}.${column}`);
    }
  }
  return found.sort();
}

/** Columns holding sealed values that the registry does not list: rotation would leave them under the old key. */
async function unregisteredSealedColumns(app: TestApp): Promise<string[]> {
  const registered = new Set(sealedColumns().map((e) => `${e.table}.${e.column}`));
  return (await columnsHoldingSealedValues(app)).filter((column) => !registered.has(column));
}

const registeredSealedColumns = () =>
  sealedColumns()
    .map((e) => `${e.table}.${e.column}`)
    .sort();

/** The database file's bytes after a checkpoint (TESTING.md: read everything SQLite keeps). */
async function databaseBytes(app: TestApp, path: string): Promise<string> {
  await app.dataSource.query('PRAGMA wal_checkpoint(TRUNCATE)');
  return readFileSync(path).toString('latin1');
}

describe('key rotation under load', () => {
  let dir: string;
  let dbPath: string;
  let dbUrl: string;
  let app: TestApp;
  let fixture: GroupFixture;
  let alice: Participant;
  let bob: Participant;
  let banned: Participant;
  const others: Participant[] = [];
  const sockets: ChatClient[] = [];
  const sent = new Map<string, string>();
  const seeded = {
    messages: 0,
    openCode: '',
    openReferralId: '',
    oldRecoveryCode: '',
    entryId: '',
    attachmentId: '',
    photo: Buffer.alloc(0),
    caseId: '',
  };
  /** A departed member's name: reserved in the group as keyed hashes only. */
  const RESERVED_NAME = 'Dorthe';
  const CASE = {
    reference: 'Alice Andersen 010190',
    task: {
      title: 'Ring til politiets kontaktperson',
      owner: 'police',
      ownerName: 'Kontaktperson Syd',
      note: 'Efter kl. 10',
    },
    screening: {
      instrument: 'SASH',
      screenedOn: '2026-11-20',
      answers: { '1': 'yes', '2': 'no' },
      riskLevel: 'high',
      note: 'Stor frygt om aftenen',
    },
  };
  const secrets = {
    clientReferences: [] as string[],
    keepApart: [] as string[],
    codes: [] as string[],
    recovery: [] as string[],
    reservedNames: [] as string[],
  };
  /** Runs `work` with the app's clock ten days back (what it stores is dated then). */
  const tenDaysAgo = async (work: () => Promise<unknown>) => {
    app.clock.set(new Date(Date.now() - 10 * DAY_MS));
    try {
      await work();
    } finally {
      app.clock.reset();
    }
  };
  let exportedHashes: string[] = [];

  const env = (current: Buffer, previous?: Buffer) => ({
    DATABASE_URL: dbUrl,
    DATA_KEY: current.toString('base64'),
    ...(previous ? { DATA_KEY_PREVIOUS: previous.toString('base64') } : {}),
  });
  /** The same signed-in person, talking to the restarted app (the cookie in the jar, so sockets use it too). */
  const rebind = (client: Client) => {
    const next = new Client(app.url);
    next.agent.jar.setCookie(`tryg_session=${tokenOf(client)}`, '127.0.0.1', '/');
    return next;
  };
  const reconnect = (participant: Participant) => (participant.client = rebind(participant.client));

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tryg-rotation-'));
    dbPath = join(dir, 'tryg.sqlite');
    dbUrl = `sqlite:${dbPath}`;
    app = await startTestApp({ env: env(KEY_A) });
    const admin = await signInAdmin(app);
    fixture = await createGroupFixture(app, admin, { requireFacilitator: false });
    alice = await addApprovedParticipant(app, fixture, {
      clientReference: 'Alice Andersen 010190',
      keepApart: ['Kim Karlsen 020280'],
      note: 'Henvist af kommunen',
    });
    bob = await addApprovedParticipant(app, fixture, { clientReference: 'Bob Berg 030370' });
    banned = await addApprovedParticipant(app, fixture, { clientReference: 'Per Persen 040460' });
    secrets.clientReferences.push('Alice Andersen 010190', 'Bob Berg 030370', 'Per Persen 040460');
    secrets.keepApart.push('Kim Karlsen 020280');
    secrets.recovery.push(...alice.recoveryCodes, ...bob.recoveryCodes, ...banned.recoveryCodes);
    seeded.oldRecoveryCode = bob.recoveryCodes[0];
    // A code issued before the rotation and still open afterwards.
    const open = await fixture.coordinator.client.post('/referrals', {
      groupId: fixture.groupId,
      clientReference: 'Vera Vang 050550',
    });
    seeded.openCode = open.body.code;
    seeded.openReferralId = open.body.referral.id;
    secrets.codes.push(open.body.code);
    secrets.clientReferences.push('Vera Vang 050550');
    await startMeetingNow(app, fixture);

    // Every sealed column gets values: messages (body, warning, removal reason), moderation, incidents.
    // Five people talk (each within the send limit of 10 per 2 s).
    others.push(...(await Promise.all([1, 2, 3].map(() => addApprovedParticipant(app, fixture)))));
    secrets.recovery.push(...others.flatMap((p) => p.recoveryCodes));
    const chatters = [alice, bob, ...others];
    const chatSockets = await Promise.all(chatters.map((p) => joinRoom(app, p.client, fixture.groupId, sockets)));
    for (let round = 0; round < 24; round++) {
      const acks = await Promise.all(
        chatSockets.map((socket, i) =>
          sendMessage(
            socket,
            fixture.groupId,
            `Besked før rotationen ${round}.${i}`,
            round % 5 === 0 ? { contentWarning: 'Svært emne' } : {},
          ),
        ),
      );
      acks.forEach((ack, i) => {
        if (!ack.ok) throw new Error(`send refused: ${JSON.stringify(ack)} (round ${round}, sender ${i})`);
        sent.set(ack.message!.id, `Besked før rotationen ${round}.${i}`);
      });
      await new Promise((resolve) => setTimeout(resolve, 220));
    }
    seeded.messages = sent.size;
    const [firstId] = [...sent.keys()];
    ok(
      await fixture.facilitator.client.delete(`/groups/${fixture.groupId}/messages/${firstId}`, {
        reason: 'Fjernet af Mette',
      }),
    );
    sent.delete(firstId);
    const report = ok(
      await alice.client.post(`/groups/${fixture.groupId}/messages/${[...sent.keys()][3]}/report`, {
        category: 'other',
        note: 'Det her var ubehageligt',
      }),
    );
    ok(
      await fixture.facilitator.client.post(`/reports/${report.body.id}/resolve`, {
        resolution: 'dismissed',
        note: 'Talt med begge',
      }),
    );
    const alert = ok(await bob.client.post(`/groups/${fixture.groupId}/safety`, { kind: 'not-safe' }));
    ok(await fixture.facilitator.client.post(`/safety/${alert.body.id}/resolve`, { note: 'Ringede op' }));
    ok(
      await fixture.facilitator.client.post(`/groups/${fixture.groupId}/members/${alice.memberId}/notes`, {
        body: 'Har det svært om aftenen',
      }),
    );
    // Banned ten days ago: the group keeps the name reserved, hashed under the old key (expires below).
    await tenDaysAgo(async () =>
      ok(
        await fixture.facilitator.client.post(`/groups/${fixture.groupId}/members/${banned.memberId}/ban`, {
          reason: 'Truede andre',
        }),
      ),
    );

    const entry = ok(
      await alice.client.post('/me/incidents', {
        occurredAt: '2026-11-20T17:30:00.000Z',
        contactType: 'sms',
        description: 'Sms om natten',
      }),
    );
    seeded.entryId = entry.body.id;
    ok(await alice.client.patch(`/me/incidents/${entry.body.id}`, { description: 'Sms om natten, to gange' }));
    seeded.photo = Buffer.concat([PNG, Buffer.alloc(2048, 7)]);
    const upload = await alice.client.agent
      .post(`/api/v1/me/incidents/${entry.body.id}/attachments`)
      .set(CSRF_HEADER, CSRF_HEADER_VALUE)
      .attach('file', seeded.photo, { filename: 'bilag.png', contentType: 'image/png' });
    ok(upload);
    seeded.attachmentId = upload.body.id;
    exportedHashes = (await alice.client.get('/me/incidents')).body.items.map((item: { hash: string }) => item.hash);
    expect(exportedHashes.length).toBeGreaterThan(0);

    // Case work for Alice's reference (it links her referral): the reference, a task and a screening.
    seeded.caseId = ok(await fixture.coordinator.client.post('/clients', { reference: CASE.reference })).body.id;
    ok(await fixture.coordinator.client.post(`/clients/${seeded.caseId}/tasks`, CASE.task));
    ok(await fixture.coordinator.client.post(`/clients/${seeded.caseId}/screenings`, CASE.screening));

    // A member left ten days ago: the group keeps their name reserved too.
    const leaver = await addApprovedParticipant(app, fixture, { displayName: RESERVED_NAME });
    await tenDaysAgo(async () => ok(await leaver.client.delete(`/groups/${fixture.groupId}/membership`)));
    secrets.reservedNames.push(RESERVED_NAME, banned.displayName);
    others.push(leaver);
    secrets.recovery.push(...leaver.recoveryCodes);
    const reservations = (await app.dataSource.query(`SELECT key_id FROM display_name_reservations`)) as {
      key_id: string;
    }[];
    expect(reservations).toEqual(
      secrets.reservedNames.flatMap((name) => confusableKeys(name)).map(() => ({ key_id: ID_A })),
    );

    for (const s of sockets.splice(0)) s.close();
    await app.close();
    // Tryg restarts with the new key first and the old one beside it, then serves while rotating.
    app = await startTestApp({ env: env(KEY_B, KEY_A) });
    for (const p of [alice, bob, banned, ...others]) reconnect(p);
    fixture.facilitator.client = rebind(fixture.facilitator.client);
    fixture.coordinator.client = rebind(fixture.coordinator.client);
  }, 120_000);

  afterAll(async () => {
    for (const s of sockets.splice(0)) s.close();
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads everything with both keys before a single value is rotated', async () => {
    const history = await alice.client.get(`/groups/${fixture.groupId}/messages?limit=50`);
    expect(history.status).toBe(200);
    for (const message of history.body.items as { id: string; body: string | null }[]) {
      if (sent.has(message.id)) expect(message.body).toBe(sent.get(message.id));
    }
    expect((await status(dbUrl)).needs[ID_A].length).toBeGreaterThan(0);
    // A name reserved and a case opened under the old key still hold now that the new key is current.
    expect(
      (await bob.client.patch(`/groups/${fixture.groupId}/membership`, { displayName: 'dorthe' })).body,
    ).toMatchObject({ code: 'CONFLICT' });
    expect(
      (await fixture.coordinator.client.post('/clients', { reference: ' alice andersen 010190 ' })).body,
    ).toMatchObject({ code: 'CONFLICT' });
  });

  it('finds sealed values only in registered columns, and the seed fills every registered column rotation has before it', async () => {
    const holding = await columnsHoldingSealedValues(app);
    // The scan works: it sees every registered column (only the kept chain keys come with a rotation).
    expect(holding).toEqual(registeredSealedColumns().filter((c) => c !== 'incident_chain_keys.keys_sealed'));
    expect(await unregisteredSealedColumns(app)).toEqual([]);
  });

  it('survives being killed half-way and finishes on the next run, while people keep chatting and writing', async () => {
    const a = await joinRoom(app, alice.client, fixture.groupId, sockets);
    const b = await joinRoom(app, bob.client, fixture.groupId, sockets);
    let loading = true;
    let failures = 0;
    const load = (async () => {
      for (let i = 0; loading; i++) {
        const body = `Besked under rotationen ${i}`;
        const ack = await sendMessage(i % 2 ? a : b, fixture.groupId, body, { clientMessageId: newClientId() });
        if (ack.ok) sent.set(ack.message!.id, body);
        else failures++;
        // Within the send limit (10 per 2 s per person).
        await new Promise((resolve) => setTimeout(resolve, 110));
        if (i % 10 === 0) {
          const res = await bob.client.post('/me/incidents', {
            occurredAt: '2026-11-21T08:00:00.000Z',
            contactType: 'call',
            description: `Opkald ${i}`,
          });
          if (res.status !== 201) failures++;
        }
      }
    })();

    // A crash: kill -9 once some, not all, messages are under the new key.
    const first = rotateKey(dbUrl, ['--batch-size=5', '--pause-ms=30']);
    const rotated = async () =>
      Number(
        (
          await app.dataSource.query(
            `SELECT count(*) AS n FROM messages WHERE substr(body_sealed, 1, 12) = 'v2.${ID_B}.'`,
          )
        )[0].n,
      );
    const before = await rotated();
    while ((await rotated()) < before + 10) await new Promise((resolve) => setTimeout(resolve, 10));
    first.child.kill('SIGKILL');
    expect((await first.done).signal).toBe('SIGKILL');
    const halfway = await status(dbUrl);
    expect(halfway.needs[ID_A].some((need) => need.what === 'sealed values in messages.body_sealed')).toBe(true);

    const second = await rotateKey(dbUrl, ['--batch-size=25']).done;
    loading = false;
    await load;
    if (second.code !== 0) throw new Error(`rotate-key failed:\n${second.output}`);
    expect(second.output).not.toMatch(/open under no configured key|does not verify|not configured/);
    expect(failures).toBe(0);
    for (const s of sockets.splice(0)) s.close();
  }, 120_000);

  it('leaves every encrypted field readable', async () => {
    const seen = new Map<string, string | null>();
    let cursor: string | null = null;
    do {
      const page: Response = await fixture.facilitator.client.get(
        `/groups/${fixture.groupId}/messages?limit=100${cursor ? `&before=${cursor}` : ''}`,
      );
      expect(page.status).toBe(200);
      for (const m of page.body.items as {
        id: string;
        body: string | null;
        contentWarning: string | null;
        removalReason?: string;
      }[]) {
        seen.set(m.id, m.body);
        if (m.removalReason) expect(m.removalReason).toBe('Fjernet af Mette');
      }
      cursor = page.body.nextCursor;
    } while (cursor);
    for (const [id, body] of sent) expect({ id, body: seen.get(id) }).toEqual({ id, body });
    expect(seen.size).toBeGreaterThan(seeded.messages);

    const notes = await fixture.facilitator.client.get(`/groups/${fixture.groupId}/members/${alice.memberId}/notes`);
    expect(notes.body.items.map((n: { body: string }) => n.body)).toEqual(['Har det svært om aftenen']);
    const reports = await fixture.facilitator.client.get(`/groups/${fixture.groupId}/reports?status=all`);
    expect(reports.body.items[0]).toMatchObject({ note: 'Det her var ubehageligt', resolutionNote: 'Talt med begge' });
    const alerts = await fixture.facilitator.client.get(`/groups/${fixture.groupId}/safety?status=all`);
    expect(alerts.body.items[0]).toMatchObject({ resolutionNote: 'Ringede op' });
    const log = await fixture.facilitator.client.get(`/groups/${fixture.groupId}/moderation-log`);
    expect(log.body.items.map((e: { reason: string }) => e.reason)).toContain('Truede andre');
    const member = await fixture.facilitator.client.get(`/groups/${fixture.groupId}/members/${alice.memberId}`);
    expect(member.body.referralNote).toBe('Henvist af kommunen');
    const referrals = await fixture.coordinator.client.get('/referrals');
    expect(referrals.body.items.map((r: { clientReference: string | null }) => r.clientReference)).toEqual(
      expect.arrayContaining(['Alice Andersen 010190', 'Vera Vang 050550']),
    );

    const entry = await alice.client.get(`/me/incidents/${seeded.entryId}`);
    expect(entry.body.description).toBe('Sms om natten, to gange');
    const photo = await alice.client
      .get(`/me/incidents/${seeded.entryId}/attachments/${seeded.attachmentId}`)
      .buffer(true)
      .parse(binary);
    expect(Buffer.compare(photo.body as Buffer, seeded.photo)).toBe(0);
    // The chain still verifies, each link under the key it was made with, and the hashes exports printed are unchanged.
    expect((await alice.client.get('/me/incidents/verify')).body).toMatchObject({ intact: true, brokenAt: null });
    expect((await bob.client.get('/me/incidents/verify')).body).toMatchObject({ intact: true, brokenAt: null });
    const hashesNow = (await alice.client.get('/me/incidents')).body.items.map((item: { hash: string }) => item.hash);
    expect(hashesNow).toEqual(exportedHashes);

    // Case work: the reference (still linking Alice's referral), the task's texts, the screening.
    const opened = await fixture.coordinator.client.get(`/clients/${seeded.caseId}`);
    expect(opened.status).toBe(200);
    expect(opened.body.reference).toBe(CASE.reference);
    expect(opened.body.tasks).toEqual([expect.objectContaining(CASE.task)]);
    expect(opened.body.referrals.map((r: { id: string }) => r.id)).toContain(alice.referralId);
    const screenings = await fixture.coordinator.client.get(`/clients/${seeded.caseId}/screenings`);
    expect(screenings.body.items).toEqual([
      expect.objectContaining({ answers: CASE.screening.answers, note: CASE.screening.note }),
    ]);
  });

  it('keeps every login, recovery code, referral code, ban and keep-apart working', async () => {
    expect((await alice.client.get('/auth/me')).status).toBe(200);
    expect((await fixture.facilitator.client.get('/auth/me')).status).toBe(200);
    // A ban made under the old key still stops a new referral of the same person.
    const again = await fixture.coordinator.client.post('/referrals', {
      groupId: fixture.groupId,
      clientReference: 'per persen 040460',
    });
    expect(again.body.code).toBe('BANNED');
    // A keep-apart listed under the old key still matches a client referred under the new one.
    const kim = await fixture.coordinator.client.post('/referrals', {
      groupId: fixture.groupId,
      clientReference: 'Kim Karlsen 020280',
    });
    expect(kim.status).toBe(201);
    const kimClient = new Client(app.url);
    const redeemed = await kimClient.post('/auth/redeem', {
      code: kim.body.code,
      login: 'kim.rotation',
      password: 'kim-rotation-pw-1',
      displayName: 'Kaj',
    });
    expect(redeemed.status).toBe(201);
    const approve = await fixture.facilitator.client.post(
      `/groups/${fixture.groupId}/members/${redeemed.body.membership.memberId}/approve`,
    );
    expect(approve.status).toBe(409);
    // A code issued before the rotation redeems after it.
    const vera = new Client(app.url);
    const used = await vera.post('/auth/redeem', {
      code: seeded.openCode,
      login: 'vera.rotation',
      password: 'vera-rotation-pw-1',
      displayName: 'Vera',
    });
    expect(used.status).toBe(201);
    // A name reserved under the old key (it cannot be re-hashed) is still reserved; a re-made case reference still taken.
    expect(
      (await bob.client.patch(`/groups/${fixture.groupId}/membership`, { displayName: 'DORTHE' })).body,
    ).toMatchObject({ code: 'CONFLICT' });
    expect(
      (await fixture.coordinator.client.post('/clients', { reference: 'Alice Andersen 010190' })).body,
    ).toMatchObject({ code: 'CONFLICT' });
    // A recovery code made under the old key works, and is re-hashed under the new key as it is used.
    const recovered = await new Client(app.url).post('/auth/recover', {
      login: bob.login,
      recoveryCode: seeded.oldRecoveryCode,
      newPassword: 'bob-new-password-1',
    });
    expect(recovered.status).toBe(204);
    const rows = await app.dataSource.query(
      `SELECT key_id FROM recovery_codes WHERE account_id = ? AND used_at IS NOT NULL`,
      [bob.accountId],
    );
    expect(rows).toEqual([{ key_id: ID_B }]);
  });

  it('says the old key is still needed by unused codes and reserved names, then free once they are spent or expired, and then nothing opens with it', async () => {
    const needed = await status(dbUrl);
    expect(needed.needs[ID_A].map((n) => n.what)).toEqual(
      expect.arrayContaining(['unused recovery codes', 'reserved display names']),
    );
    expect(needed.needs[ID_A].every((n) => !n.what.startsWith('sealed values'))).toBe(true);
    // Everyone makes new recovery codes; the next rotation run overwrites the spent ones.
    for (const p of [alice, banned, ...others]) {
      const fresh = await p.client.post('/auth/recovery-codes', { password: p.password });
      expect(fresh.status).toBe(201);
    }
    const bobAgain = await new Client(app.url).post('/auth/login', {
      login: bob.login,
      password: 'bob-new-password-1',
    });
    expect(bobAgain.status).toBe(200);
    const bobClient = clientWithToken(app, bobAgain.headers['set-cookie'][0].split(';')[0].split('=')[1]);
    expect((await bobClient.post('/auth/recovery-codes', { password: 'bob-new-password-1' })).status).toBe(201);
    const spent = await status(dbUrl);
    expect(spent.needs[ID_A]?.map((n) => n.what).sort()).toEqual(
      ['reserved display names', 'spent referral codes hashed with it'].sort(),
    );
    // The group now keeps departed members' names for five days: the ten-day-old reservation has expired.
    const admin = await signInAdmin(app);
    ok(await admin.patch(`/groups/${fixture.groupId}`, { retentionDays: 5 }));
    expect((await bobClient.patch(`/groups/${fixture.groupId}/membership`, { displayName: 'Dorthe' })).status).toBe(
      200,
    );
    const expired = (await status(dbUrl)).needs[ID_A] ?? [];
    const EXPIRED = 'expired display name reservations hashed with it';
    expect(expired.map((n) => n.what).filter((what) => what !== EXPIRED)).toEqual([
      'spent referral codes hashed with it',
    ]);
    // Expired, they no longer count as reserved: listed as expired until rotation overwrites them, unless the
    // hourly purge (it runs when the test crosses a full hour) has deleted them first.
    const expiredNeed = expired.find((n) => n.what === EXPIRED);
    if (expiredNeed) {
      expect(expiredNeed.count).toBe(secrets.reservedNames.flatMap((name) => confusableKeys(name)).length);
    } else {
      expect(await app.dataSource.query(`SELECT id FROM display_name_reservations WHERE key_id = ?`, [ID_A])).toEqual(
        [],
      );
    }
    const last = await rotateKey(dbUrl, []).done;
    expect(last.code).toBe(0);
    expect(last.output).toContain(`Previous key ${ID_A} (DATA_KEY_PREVIOUS) is free`);
    const free = await status(dbUrl);
    expect(free.needs[ID_A]).toBeUndefined();

    // The scan: no sealed value opens with the old key alone …
    expect(await openableWithOldKey(app)).toEqual([]);
    // … and the scan saw every registered column, and every sealed-looking value sits in one …
    expect(await columnsHoldingSealedValues(app)).toEqual(registeredSealedColumns());
    expect(await unregisteredSealedColumns(app)).toEqual([]);
    // … and no keyed hash made with the old key is left: first prove the byte scan finds the new key's hash.
    const bytes = await databaseBytes(app, dbPath);
    const hash = (key: Buffer, purpose: string, value: string) => hmacHex(deriveKey(key, `hash:${purpose}`), value);
    expect(bytes).toContain(hash(KEY_B, 'person-reference', normalizeReference('Alice Andersen 010190')));
    const oldHashes = [
      ...[...secrets.clientReferences, ...secrets.keepApart].map((r) =>
        hash(KEY_A, 'person-reference', normalizeReference(r)),
      ),
      ...secrets.codes.map((c) => hash(KEY_A, 'referral-code', normalizeReadableCode(c))),
      ...secrets.recovery.map((c) => hash(KEY_A, 'recovery-code', normalizeReadableCode(c))),
      ...secrets.reservedNames
        .flatMap((name) => confusableKeys(name))
        .map((k) => hash(KEY_A, 'display-name', `${fixture.groupId}:${k}`)),
    ];
    expect(oldHashes.filter((h) => bytes.includes(h))).toEqual([]);
    // Tryg runs without the old key: the chain still verifies (the old key's MAC keys were kept, sealed under the new one).
    await app.close();
    app = await startTestApp({ env: env(KEY_B) });
    reconnect(alice);
    expect((await alice.client.get('/me/incidents/verify')).body).toMatchObject({ intact: true, brokenAt: null });
    expect((await alice.client.get(`/me/incidents/${seeded.entryId}`)).body.description).toBe(
      'Sms om natten, to gange',
    );
    expect(sealedKeyId((await app.dataSource.query(`SELECT content FROM incident_versions LIMIT 1`))[0].content)).toBe(
      ID_B,
    );
  }, 120_000);
});

describe('the registry of sealed data', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('knows every column that looks sealed or hashed, and names only columns that exist', () => {
    const looksKeyed = /(_sealed|_hash|_hashes|_mac|^digest|^hash|^content)$/;
    const registered = new Set(SEALED_DATA.map((e) => `${e.table}.${e.column}`));
    const inSchema = new Set<string>();
    for (const entity of app.dataSource.entityMetadatas) {
      for (const column of entity.columns) {
        const name = `${entity.tableName}.${column.databaseName}`;
        inSchema.add(name);
        if (looksKeyed.test(column.databaseName))
          expect({ column: name, registered: registered.has(name) }).toEqual({ column: name, registered: true });
      }
    }
    for (const name of registered) expect({ name, exists: inSchema.has(name) }).toEqual({ name, exists: true });
  });

  it('lists every sealed value of case work under the AAD the code seals it with', () => {
    const crypto = new DataCrypto(app.config);
    for (const place of CLIENT_SEALED_COLUMNS) {
      const [table, field] = place.split('.');
      const entry = sealedColumns().find((e) => e.table === table && e.column === `${field}_sealed`);
      expect({ place, registered: !!entry }).toEqual({ place, registered: true });
      const row = { id: 'row-1', client_id: 'case-1' };
      const clientId = table === 'client_cases' ? row.id : row.client_id;
      const sealed = crypto.seal('client-case', 'Tekst', ClientSealing.aad(place, row.id, clientId));
      expect(openBuffer(entry!.cipherKey(app.config.dataKey, row), sealed, entry!.aad(row), 'v').toString()).toBe(
        'Tekst',
      );
    }
  });

  it('catches a column holding sealed values that the registry misses, whatever its name', async () => {
    // Planted: a feature that seals a value into a column not named like a sealed one, and forgets the registry.
    const crypto = new DataCrypto(app.config);
    await app.dataSource.query(`CREATE TABLE planted_case_notes (id varchar(36) PRIMARY KEY, remark text)`);
    try {
      await app.dataSource.query(`INSERT INTO planted_case_notes (id, remark) VALUES (?, ?), (?, ?)`, [
        'n1',
        crypto.seal('client-case', 'Skjult adresse', 'planted_case_notes.remark:n1'),
        'n2',
        'v1.2 of the form (not sealed)',
      ]);
      expect(/(_sealed|_hash|_hashes|_mac|^digest|^hash|^content)$/.test('remark')).toBe(false);
      expect(await unregisteredSealedColumns(app)).toEqual(['planted_case_notes.remark']);
    } finally {
      await app.dataSource.query(`DROP TABLE planted_case_notes`);
    }
    expect(await unregisteredSealedColumns(app)).toEqual([]);
  });
});

describe('key rotation on PostgreSQL', () => {
  let db: TestDatabase;
  let app: TestApp;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('re-encrypts, keeps chains verifiable and frees the old key the same way', async () => {
    const env = (current: Buffer, previous?: Buffer) => ({
      DATABASE_URL: db.url,
      DATA_KEY: current.toString('base64'),
      ...(previous ? { DATA_KEY_PREVIOUS: previous.toString('base64') } : {}),
    });
    app = await startTestApp({ env: env(KEY_A) });
    const fixture = await createGroupFixture(app, await signInAdmin(app), { requireFacilitator: false });
    const person = await addApprovedParticipant(app, fixture, {
      clientReference: 'Ole Olsen 060660',
      keepApart: ['Kim Karlsen 020280'],
    });
    const leaver = await addApprovedParticipant(app, fixture, { displayName: 'Dorthe' });
    expect((await leaver.client.delete(`/groups/${fixture.groupId}/membership`)).status).toBe(204);
    await startMeetingNow(app, fixture);
    const sockets: ChatClient[] = [];
    const socket = await joinRoom(app, person.client, fixture.groupId, sockets);
    const ack = await sendMessage(socket, fixture.groupId, 'Hej fra PostgreSQL');
    expect(ack.ok).toBe(true);
    socket.close();
    expect(
      (
        await person.client.post('/me/incidents', {
          occurredAt: '2026-11-20T17:30:00.000Z',
          contactType: 'sms',
          description: 'Sms',
        })
      ).status,
    ).toBe(201);
    const token = tokenOf(person.client);
    await app.close();

    app = await startTestApp({ env: env(KEY_B, KEY_A) });
    const rotated = await rotateKey(db.url, ['--batch-size=2']).done;
    if (rotated.code !== 0) throw new Error(`rotate-key failed:\n${rotated.output}`);
    expect(rotated.output).not.toMatch(/open under no configured key|does not verify|not configured/);
    const needs = (await status(db.url)).needs[ID_A] ?? [];
    expect(needs.map((n) => n.what)).toEqual(['reserved display names', 'unused recovery codes']);

    const client = new Client(app.url);
    client.agent.jar.setCookie(`tryg_session=${token}`, '127.0.0.1', '/');
    const history = await client.get(`/groups/${fixture.groupId}/messages?limit=10`);
    expect(history.body.items.map((m: { body: string }) => m.body)).toContain('Hej fra PostgreSQL');
    expect((await client.patch(`/groups/${fixture.groupId}/membership`, { displayName: 'dorthe' })).status).toBe(409);
    expect((await client.get('/me/incidents/verify')).body).toMatchObject({ intact: true, brokenAt: null });
    const stored = await app.dataSource.query(`SELECT body_sealed FROM messages WHERE id = $1`, [ack.message!.id]);
    expect(sealedKeyId(stored[0].body_sealed)).toBe(ID_B);
    const hashes = await app.dataSource.query(`SELECT client_reference_hash FROM referrals WHERE id = $1`, [
      person.referralId,
    ]);
    expect(hashes[0].client_reference_hash).toBe(
      hmacHex(deriveKey(KEY_B, 'hash:person-reference'), normalizeReference('Ole Olsen 060660')),
    );
  }, 120_000);
});
