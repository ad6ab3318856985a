import { createParticipant, type TestParticipant } from '../support/participants';
import { startTestApp, type TestApp } from '../support/test-app';

/** Issue 7: the participant's incident log — entries, versions, deletion, the chain check, the pattern view. */
describe('incident log: entries', () => {
  let app: TestApp;
  let me: TestParticipant;

  const entry = (overrides: Record<string, unknown> = {}) => ({
    occurredAt: '2026-11-20T17:30:00.000Z',
    contactType: 'sms',
    description: 'He wrote that he knows where I live.',
    ...overrides,
  });

  beforeAll(async () => {
    app = await startTestApp();
    me = await createParticipant(app);
  });
  afterAll(() => app.close());

  it('creates an entry with every field, answers it with id, version, recordedAt and hash, and reads it back', async () => {
    app.clock.set(new Date('2026-11-21T09:00:00.000Z'));
    const body = {
      occurredAt: '2026-11-20T18:30:00+01:00',
      occurredAtApprox: true,
      place: 'Outside my work',
      contactType: 'showing-up',
      description: 'He stood at the entrance when I left.',
      witnesses: 'My colleague Anna, phone 11 22 33 44',
      childrenPresent: false,
      evidence: [{ description: 'Photo of his car', keptWhere: 'On my phone' }],
      police: { journalNumber: '3700-80123-00456-26', officer: 'Jensen', date: '2026-11-21' },
      effect: 'I no longer take the bus alone.',
      private: { thoughts: 'I was shaking all evening.', safetyNotes: 'Ask Anna to walk with me.' },
      keyExample: true,
    };
    const created = await me.client.post('/me/incidents', body);
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      ...body,
      occurredAt: '2026-11-20T17:30:00.000Z',
      id: expect.any(String),
      version: 1,
      recordedAt: expect.stringMatching(/^2026-11-21T09:00:0\d\.\d{3}Z$/),
      firstRecordedAt: expect.stringMatching(/^2026-11-21T09:00:0\d\.\d{3}Z$/),
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      attachments: [],
    });
    const read = await me.client.get(`/me/incidents/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
    app.clock.reset();
  });

  it('fills optional fields with nulls and defaults', async () => {
    const created = await me.client.post('/me/incidents', entry());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      occurredAtApprox: false,
      place: null,
      witnesses: null,
      childrenPresent: null,
      evidence: [],
      police: null,
      effect: null,
      private: null,
      keyExample: false,
    });
  });

  it.each([
    ['an unknown field', { ...entry(), mood: 'sad' }],
    ['an unknown nested field', { ...entry(), police: { journalNumber: '1', badge: 'x' } }],
    [
      'an unknown field in an evidence item',
      { ...entry(), evidence: [{ description: 'a', keptWhere: 'b', extra: 1 }] },
    ],
    ['an evidence item without keptWhere', { ...entry(), evidence: [{ description: 'a' }] }],
    ['evidence that is not a list', { ...entry(), evidence: { description: 'a', keptWhere: 'b' } }],
    ['police that is not an object', { ...entry(), police: 'Jensen' }],
    ['an unknown contact type', entry({ contactType: 'telepathy' })],
    ['a missing description', { occurredAt: '2026-11-20T17:30:00.000Z', contactType: 'sms' }],
    ['a blank description', entry({ description: '   ' })],
    ['a description over 10,000 characters', entry({ description: 'x'.repeat(10_001) })],
    ['a time without an offset', entry({ occurredAt: '2026-11-20T17:30:00' })],
    ['a date without a time', entry({ occurredAt: '2026-11-20' })],
    ['a time in the future', entry({ occurredAt: '2099-01-01T00:00:00.000Z' })],
    ['a police date that is not YYYY-MM-DD', entry({ police: { date: '21/11/2026' } })],
    ['a control character', entry({ description: 'a\u0007b' })],
  ])('refuses %s with 400 VALIDATION', async (_name, body) => {
    const res = await me.client.post('/me/incidents', body);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION', message: expect.any(String) });
  });

  it('edits by appending a new version; recordedAt moves, firstRecordedAt stays; null clears an optional field', async () => {
    app.clock.set(new Date('2026-11-22T08:00:00.000Z'));
    const created = await me.client.post('/me/incidents', entry({ place: 'At the shop', witnesses: 'Nobody' }));
    app.clock.set(new Date('2026-11-23T08:00:00.000Z'));
    const edited = await me.client.patch(`/me/incidents/${created.body.id}`, {
      description: 'He followed me into the shop.',
      witnesses: null,
    });
    app.clock.reset();
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      id: created.body.id,
      version: 2,
      description: 'He followed me into the shop.',
      place: 'At the shop',
      witnesses: null,
      recordedAt: expect.stringMatching(/^2026-11-23T08:00:0\d\.\d{3}Z$/),
      firstRecordedAt: expect.stringMatching(/^2026-11-22T08:00:0\d\.\d{3}Z$/),
    });
    expect(edited.body.hash).not.toBe(created.body.hash);
    expect((await me.client.get(`/me/incidents/${created.body.id}`)).body).toEqual(edited.body);

    // An edit that changes nothing adds no version.
    const same = await me.client.patch(`/me/incidents/${created.body.id}`, { place: 'At the shop' });
    expect(same.body.version).toBe(2);
    // Fields an entry must have cannot be cleared; unknown fields are refused.
    expect((await me.client.patch(`/me/incidents/${created.body.id}`, { description: null })).status).toBe(400);
    expect((await me.client.patch(`/me/incidents/${created.body.id}`, { id: 'x' })).status).toBe(400);
    const rows = await app.dataSource.query(
      'SELECT version, kind FROM incident_versions WHERE entry_id = ? ORDER BY version',
      [created.body.id],
    );
    expect(rows).toEqual([
      { version: 1, kind: 'create' },
      { version: 2, kind: 'edit' },
    ]);
  });

  it('deletes an entry: its text is gone from every version, its digests stay in the chain, and it is not found', async () => {
    const created = await me.client.post('/me/incidents', entry({ description: 'First words to be erased.' }));
    await me.client.patch(`/me/incidents/${created.body.id}`, { description: 'Second words to be erased.' });
    const before = await app.dataSource.query(
      'SELECT digest, hash, content FROM incident_versions WHERE entry_id = ? ORDER BY version',
      [created.body.id],
    );
    expect(before.every((row: { content: string | null }) => row.content !== null)).toBe(true);

    const deleted = await me.client.delete(`/me/incidents/${created.body.id}`);
    expect(deleted.status).toBe(204);
    const after = await app.dataSource.query(
      'SELECT version, kind, digest, hash, content FROM incident_versions WHERE entry_id = ? ORDER BY version',
      [created.body.id],
    );
    expect(after).toEqual([
      { version: 1, kind: 'create', digest: before[0].digest, hash: before[0].hash, content: null },
      { version: 2, kind: 'edit', digest: before[1].digest, hash: before[1].hash, content: null },
      {
        version: 3,
        kind: 'delete',
        digest: expect.stringMatching(/^[0-9a-f]{64}$/),
        hash: expect.stringMatching(/^[0-9a-f]{64}$/),
        content: null,
      },
    ]);
    expect((await me.client.get(`/me/incidents/${created.body.id}`)).status).toBe(404);
    expect((await me.client.patch(`/me/incidents/${created.body.id}`, { description: 'again' })).status).toBe(404);
    expect((await me.client.delete(`/me/incidents/${created.body.id}`)).status).toBe(404);
    const list = await me.client.get('/me/incidents');
    expect(list.body.items.map((e: { id: string }) => e.id)).not.toContain(created.body.id);
  });

  it('verifies the chain as intact after creates, edits and deletions, counting every version', async () => {
    const res = await me.client.get('/me/incidents/verify');
    expect(res.status).toBe(200);
    const [{ n }] = await app.dataSource.query('SELECT COUNT(*) AS n FROM incident_versions WHERE account_id = ?', [
      me.id,
    ]);
    expect(n).toBeGreaterThanOrEqual(7);
    expect(res.body).toEqual({ intact: true, versions: n, brokenAt: null });
  });

  it('answers an empty log as intact with no versions', async () => {
    const fresh = await createParticipant(app);
    expect((await fresh.client.get('/me/incidents/verify')).body).toEqual({
      intact: true,
      versions: 0,
      brokenAt: null,
    });
    expect((await fresh.client.get('/me/incidents')).body).toEqual({ items: [], nextCursor: null });
  });

  it('lists newest first (by when it happened), filters, and pages with a cursor', async () => {
    const person = await createParticipant(app);
    const times = ['2026-10-01T10:00:00.000Z', '2026-10-03T10:00:00.000Z', '2026-10-02T10:00:00.000Z'];
    const ids: string[] = [];
    for (const [i, occurredAt] of times.entries()) {
      const res = await person.client.post(
        '/me/incidents',
        entry({ occurredAt, contactType: i === 0 ? 'call' : 'sms', keyExample: i === 1 }),
      );
      ids.push(res.body.id);
    }
    const all = await person.client.get('/me/incidents');
    expect(all.body.items.map((e: { id: string }) => e.id)).toEqual([ids[1], ids[2], ids[0]]);
    expect(
      (await person.client.get('/me/incidents?contactType=call')).body.items.map((e: { id: string }) => e.id),
    ).toEqual([ids[0]]);
    expect(
      (await person.client.get('/me/incidents?keyExample=true')).body.items.map((e: { id: string }) => e.id),
    ).toEqual([ids[1]]);
    expect(
      (await person.client.get('/me/incidents?from=2026-10-02T00:00:00Z&to=2026-10-03T00:00:00Z')).body.items.map(
        (e: { id: string }) => e.id,
      ),
    ).toEqual([ids[2]]);
    const first = await person.client.get('/me/incidents?limit=2');
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await person.client.get(`/me/incidents?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body).toEqual({ items: [expect.objectContaining({ id: ids[0] })], nextCursor: null });
    expect((await person.client.get('/me/incidents?cursor=nonsense')).status).toBe(400);
    expect((await person.client.get('/me/incidents?limit=0')).status).toBe(400);
  });

  it('counts incidents per ISO week (Danish time, empty weeks included) and per type of contact', async () => {
    // "Now" after the incidents (they may not lie in the future); the session starts then too.
    app.clock.set(new Date('2026-12-15T12:00:00.000Z'));
    const person = await createParticipant(app);
    // Sunday 23:30 UTC on 2026-11-29 is already Monday 30 November in Copenhagen (week 49).
    for (const [occurredAt, contactType] of [
      ['2026-11-16T12:00:00.000Z', 'call'],
      ['2026-11-17T12:00:00.000Z', 'sms'],
      ['2026-11-29T23:30:00.000Z', 'sms'],
    ] as const) {
      expect((await person.client.post('/me/incidents', entry({ occurredAt, contactType }))).status).toBe(201);
    }
    const res = await person.client.get('/me/incidents/stats');
    app.clock.reset();
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(3);
    expect(res.body.weeks).toEqual([
      { week: '2026-W47', startsOn: '2026-11-16', count: 2 },
      { week: '2026-W48', startsOn: '2026-11-23', count: 0 },
      { week: '2026-W49', startsOn: '2026-11-30', count: 1 },
    ]);
    expect(res.body.contactTypes).toHaveLength(11);
    expect(res.body.contactTypes).toEqual(
      expect.arrayContaining([
        { contactType: 'call', count: 1 },
        { contactType: 'sms', count: 2 },
        { contactType: 'threat', count: 0 },
      ]),
    );
  });

  it('documents every incident route in OpenAPI with a summary and the session scheme', async () => {
    const res = await me.client.agent.get('/api/docs-json');
    const paths = res.body.paths as Record<string, Record<string, { summary?: string; security?: unknown }>>;
    const expected: [string, string][] = [
      ['/api/v1/me/incidents', 'get'],
      ['/api/v1/me/incidents', 'post'],
      ['/api/v1/me/incidents/export', 'get'],
      ['/api/v1/me/incidents/verify', 'get'],
      ['/api/v1/me/incidents/stats', 'get'],
      ['/api/v1/me/incidents/{id}', 'get'],
      ['/api/v1/me/incidents/{id}', 'patch'],
      ['/api/v1/me/incidents/{id}', 'delete'],
      ['/api/v1/me/incidents/{id}/attachments', 'post'],
      ['/api/v1/me/incidents/{id}/attachments/{attachmentId}', 'get'],
    ];
    for (const [path, method] of expected) {
      expect(paths[path]?.[method]?.summary).toEqual(expect.any(String));
      expect(paths[path][method].security).toEqual([{ session: [] }]);
    }
  });
});
