import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@tryg/shared';
import { createParticipant, type TestParticipant } from '../support/participants';
import { Client, createStaff, signInAdmin, startTestApp, type TestApp } from '../support/test-app';

/**
 * The incident log is the participant's alone (PRODUCT.md): not another participant, a
 * facilitator, a coordinator or an admin reaches an entry or an attachment — each gets 404 for
 * the owner's ids, and their own `/me/incidents*` hold nothing of the owner's.
 */
/** The PDF's text through pdf.js in a child process (its bytes are compressed, so a byte search proves nothing). */
function pdfText(pdf: Buffer): string {
  const run = spawnSync(process.execPath, [join(__dirname, '..', 'support', 'pdf-text.mjs')], { input: pdf });
  if (run.status !== 0) throw new Error(run.stderr.toString());
  return (JSON.parse(run.stdout.toString('utf8')) as { text: string }).text;
}

describe('incident log: only the owner', () => {
  let app: TestApp;
  let owner: TestParticipant;
  let entryId: string;
  let attachmentId: string;
  const secret = 'OWNER-SECRET-7c1e words about the car outside';
  const others: { role: string; client: Client }[] = [];

  beforeAll(async () => {
    app = await startTestApp();
    owner = await createParticipant(app);
    const created = await owner.client.post('/me/incidents', {
      occurredAt: '2026-11-01T10:00:00.000Z',
      contactType: 'following',
      description: secret,
      private: { thoughts: `${secret} (private)` },
    });
    entryId = created.body.id;
    const upload = await owner.client.agent
      .post(`/api/v1/me/incidents/${entryId}/attachments`)
      .set(CSRF_HEADER, CSRF_HEADER_VALUE)
      .attach('file', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(256)]), 'photo.jpg');
    expect(upload.status).toBe(201);
    attachmentId = upload.body.id;

    const admin = await signInAdmin(app);
    others.push({ role: 'another participant', client: (await createParticipant(app)).client });
    others.push({
      role: 'a facilitator',
      client: (await createStaff(app, admin, 'facilitator', 'log.facilitator')).client,
    });
    others.push({
      role: 'a coordinator',
      client: (await createStaff(app, admin, 'coordinator', 'log.coordinator')).client,
    });
    others.push({ role: 'an admin', client: admin });
  });
  afterAll(() => app.close());

  const expectNotFound = (res: { status: number; body: unknown; text: string }) => {
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ code: 'NOT_FOUND', message: expect.any(String) });
    expect(res.text).not.toContain('OWNER-SECRET');
  };

  const clientOf = (role: string) => {
    const other = others.find((o) => o.role === role);
    if (!other) throw new Error(`no ${role}`);
    return other.client;
  };

  it.each(['another participant', 'a facilitator', 'a coordinator', 'an admin'])(
    'the owner’s entry and attachment ids are 404 for %s',
    async (role) => {
      const client = clientOf(role);
      expectNotFound(await client.get(`/me/incidents/${entryId}`));
      expectNotFound(await client.patch(`/me/incidents/${entryId}`, { description: 'overwritten' }));
      // 404 comes before body validation (CONTRACT order).
      expectNotFound(await client.patch(`/me/incidents/${entryId}`, { description: 42, unknown: true }));
      expectNotFound(await client.delete(`/me/incidents/${entryId}`));
      expectNotFound(await client.get(`/me/incidents/${entryId}/attachments/${attachmentId}`));
      expectNotFound(
        await client.agent
          .post(`/api/v1/me/incidents/${entryId}/attachments`)
          .set(CSRF_HEADER, CSRF_HEADER_VALUE)
          .attach(
            'file',
            Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(64)]),
            'x.png',
          ),
      );
    },
  );

  it('another participant’s own log holds nothing of the owner’s', async () => {
    const client = clientOf('another participant');
    expect((await client.get('/me/incidents')).body).toEqual({ items: [], nextCursor: null });
    expect((await client.get('/me/incidents/verify')).body).toEqual({ intact: true, versions: 0, brokenAt: null });
    expect((await client.get('/me/incidents/stats')).body.total).toBe(0);
    const csv = await client.get('/me/incidents/export?format=csv&includePrivate=true');
    expect(csv.status).toBe(200);
    expect(csv.text).not.toContain('OWNER-SECRET');
    const pdf = await client
      .get('/me/incidents/export?format=pdf&includePrivate=true')
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    const text = pdfText(pdf.body as Buffer);
    expect(text).toContain('0 hændelser'); // the parse worked: this is the other person's empty log
    expect(text).not.toContain('OWNER-SECRET');
  });

  it.each(['a facilitator', 'a coordinator', 'an admin'])(
    'staff keep no log: for %s the log routes answer 403 and nothing of the owner’s',
    async (role) => {
      const client = clientOf(role);
      for (const path of [
        '/me/incidents',
        '/me/incidents/verify',
        '/me/incidents/stats',
        '/me/incidents/export?format=pdf',
      ]) {
        const res = await client.get(path);
        expect(res.status).toBe(403);
        expect(res.body).toEqual({ code: 'FORBIDDEN', message: expect.any(String) });
      }
      const create = await client.post('/me/incidents', {
        occurredAt: '2026-11-01T10:00:00.000Z',
        contactType: 'call',
        description: 'staff entry',
      });
      expect(create.status).toBe(403);
    },
  );

  it('without a session every route is 401', async () => {
    const anonymous = new Client(app.url);
    expect((await anonymous.get('/me/incidents')).status).toBe(401);
    expect((await anonymous.get(`/me/incidents/${entryId}`)).status).toBe(401);
    expect((await anonymous.get(`/me/incidents/${entryId}/attachments/${attachmentId}`)).status).toBe(401);
    expect((await anonymous.get('/me/incidents/export?format=csv')).status).toBe(401);
  });

  it('a path id that is not a UUID is 400 after the session check', async () => {
    expect((await owner.client.get('/me/incidents/not-a-uuid')).status).toBe(400);
    expect((await owner.client.get(`/me/incidents/${entryId}/attachments/nope`)).status).toBe(400);
  });

  it('the owner’s entry, attachment and chain are untouched by all of the above', async () => {
    const res = await owner.client.get(`/me/incidents/${entryId}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      description: secret,
      version: 2,
      attachments: [expect.objectContaining({ id: attachmentId, bilag: 1 })],
    });
    expect((await owner.client.get(`/me/incidents/${entryId}/attachments/${attachmentId}`)).status).toBe(200);
    expect((await owner.client.get('/me/incidents/verify')).body).toEqual({
      intact: true,
      versions: 2,
      brokenAt: null,
    });
  });

  it('an attachment id is found only under its own entry', async () => {
    const second = await owner.client.post('/me/incidents', {
      occurredAt: '2026-11-02T10:00:00.000Z',
      contactType: 'call',
      description: 'other',
    });
    expectNotFound(await owner.client.get(`/me/incidents/${second.body.id}/attachments/${attachmentId}`));
  });
});
