import { randomBytes } from 'node:crypto';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@tryg/shared';
import { containsText, readAllStoredBytes } from '../support/database-bytes';
import { createParticipant, type TestParticipant } from '../support/participants';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * PRODUCT.md threat 4: a copy of the database (and the data folder) holds none of a log's text or
 * attachment bytes. TESTING.md: read every byte SQLite keeps plus the data folder, prove the scan
 * finds a canary stored in plain text on purpose, then look for the secrets.
 */
describe('incident log at rest', () => {
  let app: TestApp;
  let owner: TestParticipant;
  let bystander: TestParticipant;
  const field = (name: string) => `${name}-${randomBytes(6).toString('hex')}`;
  const texts = {
    description: field('DESCRIPTION he said he would burn the house'),
    place: field('PLACE Kongensgade 12'),
    witnesses: field('WITNESS Anna 11223344'),
    evidence: field('EVIDENCE screenshot of the message'),
    keptWhere: field('KEPT in the blue folder'),
    journal: field('JOURNAL 3700'),
    officer: field('OFFICER Jensen'),
    effect: field('EFFECT I sleep at my sister'),
    thoughts: field('THOUGHTS I feel watched'),
    safety: field('SAFETY code word pineapple'),
    edited: field('EDITED first version words'),
    deleted: field('DELETED entry words'),
  };
  const photo = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(8192)]);
  let entryId: string;

  const expectAbsent = (bytes: Buffer, label: string, needles: string[]) => {
    for (const needle of needles)
      expect({ label, found: containsText(bytes, needle) }).toEqual({ label, found: false });
  };

  /** The photo as raw bytes, or as base64 / base64url / hex text. */
  const expectNoPhoto = (bytes: Buffer) => {
    expect(bytes.includes(photo.subarray(8, 72))).toBe(false);
    expectAbsent(bytes, 'attachment', [
      photo.toString('base64').slice(120, 320),
      photo.toString('base64url').slice(120, 320),
      photo.subarray(100, 164).toString('hex'),
    ]);
  };

  beforeAll(async () => {
    app = await startTestApp();
    owner = await createParticipant(app, { login: 'log.owner.canary' });
    bystander = await createParticipant(app, { login: 'bystander.canary' });

    const created = await owner.client.post('/me/incidents', {
      occurredAt: '2026-11-01T10:00:00.000Z',
      contactType: 'threat',
      description: texts.edited,
      place: texts.place,
      witnesses: texts.witnesses,
      evidence: [{ description: texts.evidence, keptWhere: texts.keptWhere }],
      police: { journalNumber: texts.journal, officer: texts.officer, date: '2026-11-02' },
      effect: texts.effect,
      private: { thoughts: texts.thoughts, safetyNotes: texts.safety },
      keyExample: true,
    });
    expect(created.status).toBe(201);
    entryId = created.body.id;
    expect((await owner.client.patch(`/me/incidents/${entryId}`, { description: texts.description })).status).toBe(200);
    const upload = await owner.client.agent
      .post(`/api/v1/me/incidents/${entryId}/attachments`)
      .set(CSRF_HEADER, CSRF_HEADER_VALUE)
      .attach('file', photo, 'photo.png');
    expect(upload.status).toBe(201);
    const doomed = await owner.client.post('/me/incidents', {
      occurredAt: '2026-11-03T10:00:00.000Z',
      contactType: 'sms',
      description: texts.deleted,
    });
    expect((await owner.client.delete(`/me/incidents/${doomed.body.id}`)).status).toBe(204);
  });
  afterAll(() => app.close());

  it('the database files and the data folder hold no entry text (current, edited or deleted) and no attachment bytes', async () => {
    const bytes = await readAllStoredBytes(app.dataSource, app.dataDir);
    // The scan works: a login is stored in plain text on purpose.
    expect(containsText(bytes, 'log.owner.canary')).toBe(true);
    // …and it would find the text or the photo if a file held them in plain text.
    expect(containsText(Buffer.concat([bytes, Buffer.from(texts.description, 'utf8')]), texts.description)).toBe(true);
    expect(Buffer.concat([bytes, photo]).includes(photo.subarray(8, 72))).toBe(true);
    expectAbsent(bytes, 'entry text', Object.values(texts));
    expectNoPhoto(bytes);
    // The owner still reads it all back (it is encrypted, not lost).
    const read = await owner.client.get(`/me/incidents/${entryId}`);
    expect(read.body).toMatchObject({
      description: texts.description,
      private: { thoughts: texts.thoughts, safetyNotes: texts.safety },
    });
  });

  it('"export my data" holds my entries decrypted, private layer included, and nothing of others', async () => {
    const res = await owner.client.get('/me/export');
    expect(res.status).toBe(200);
    const log = res.body.incidentLog;
    expect(log.verification).toEqual({ intact: true, versions: expect.any(Number), brokenAt: null });
    expect(log.entries).toEqual([
      expect.objectContaining({
        id: entryId,
        description: texts.description,
        private: { thoughts: texts.thoughts, safetyNotes: texts.safety },
        attachments: [
          expect.objectContaining({ bilag: 1, mimeType: 'image/png', downloadPath: expect.stringContaining(entryId) }),
        ],
      }),
    ]);
    expect(res.text).not.toContain(texts.deleted);
    const theirs = await bystander.client.get('/me/export');
    expect(theirs.body.incidentLog).toEqual({
      entries: [],
      unreadableEntryIds: [],
      verification: { intact: true, versions: 0, brokenAt: null },
    });
  });

  it('after "delete me" the log, its chain and its attachments are gone from the database files', async () => {
    const [{ n: before }] = await app.dataSource.query(
      'SELECT COUNT(*) AS n FROM incident_versions WHERE account_id = ?',
      [owner.id],
    );
    expect(before).toBeGreaterThan(0);
    const res = await owner.client.delete('/me', { password: owner.password });
    expect(res.status).toBe(204);
    for (const table of ['incident_versions', 'incident_attachments', 'incident_logs']) {
      const [{ n }] = await app.dataSource.query(`SELECT COUNT(*) AS n FROM ${table} WHERE account_id = ?`, [owner.id]);
      expect({ table, n }).toEqual({ table, n: 0 });
    }
    const bytes = await readAllStoredBytes(app.dataSource, app.dataDir);
    expect(containsText(bytes, 'bystander.canary')).toBe(true);
    expect(containsText(bytes, 'log.owner.canary')).toBe(false);
    expectAbsent(bytes, 'entry text', Object.values(texts));
    expectNoPhoto(bytes);
  });
});
