import { createParticipant, type TestParticipant } from '../support/participants';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * TESTING.md "Tamper evidence": the chain is keyed from DATA_KEY, its head and count sit on the
 * owner row, and changes made straight in the database — a changed field, a deleted middle
 * version, a truncated tail — each make the check say `intact: false` and where.
 */
describe('incident log: tamper evidence', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  interface Written {
    person: TestParticipant;
    /** Entry ids in the order written. */
    ids: string[];
  }

  /** A participant with three entries (chain seq 1, 2, 3), the second edited once (seq 4). */
  async function logWithEntries(): Promise<Written> {
    const person = await createParticipant(app);
    const ids: string[] = [];
    for (const description of ['first entry words', 'second entry words', 'third entry words']) {
      const res = await person.client.post('/me/incidents', {
        occurredAt: '2026-11-01T10:00:00.000Z',
        contactType: 'email',
        description,
      });
      expect(res.status).toBe(201);
      ids.push(res.body.id);
    }
    expect(
      (await person.client.patch(`/me/incidents/${ids[1]}`, { description: 'second entry, corrected' })).status,
    ).toBe(200);
    expect((await person.client.get('/me/incidents/verify')).body).toEqual({
      intact: true,
      versions: 4,
      brokenAt: null,
    });
    return { person, ids };
  }

  const verify = async (person: TestParticipant) => {
    const res = await person.client.get('/me/incidents/verify');
    expect(res.status).toBe(200);
    return res.body;
  };

  it('a changed field (the receipt time of a version) breaks the chain at that version', async () => {
    const { person, ids } = await logWithEntries();
    await app.dataSource.query(
      `UPDATE incident_versions SET recorded_at = '2026-10-01T00:00:00.000Z' WHERE entry_id = ? AND version = 1`,
      [ids[1]],
    );
    expect(await verify(person)).toEqual({ intact: false, versions: 4, brokenAt: { entryId: ids[1], version: 1 } });
  });

  it('a changed field (the kept digest of a version) breaks the chain at that version', async () => {
    const { person, ids } = await logWithEntries();
    await app.dataSource.query(`UPDATE incident_versions SET digest = ? WHERE entry_id = ? AND version = 1`, [
      '0'.repeat(64),
      ids[2],
    ]);
    expect(await verify(person)).toEqual({ intact: false, versions: 4, brokenAt: { entryId: ids[2], version: 1 } });
  });

  it('a deleted middle version breaks the chain where the gap is', async () => {
    const { person, ids } = await logWithEntries();
    await app.dataSource.query('DELETE FROM incident_versions WHERE account_id = ? AND seq = 2', [person.id]);
    // The version after the gap no longer follows from the one before it.
    expect(await verify(person)).toEqual({ intact: false, versions: 3, brokenAt: { entryId: ids[2], version: 1 } });
  });

  it('a deleted middle version with the later ones renumbered still breaks the chain (their hashes name their place)', async () => {
    const { person, ids } = await logWithEntries();
    await app.dataSource.query('DELETE FROM incident_versions WHERE account_id = ? AND seq = 2', [person.id]);
    await app.dataSource.query('UPDATE incident_versions SET seq = seq - 1 WHERE account_id = ? AND seq > 2', [
      person.id,
    ]);
    await app.dataSource.query('UPDATE incident_logs SET version_count = 3 WHERE account_id = ?', [person.id]);
    expect(await verify(person)).toEqual({ intact: false, versions: 3, brokenAt: { entryId: ids[2], version: 1 } });
  });

  it('a truncated tail breaks the chain at the last version the owner row says it holds', async () => {
    const { person, ids } = await logWithEntries();
    await app.dataSource.query('DELETE FROM incident_versions WHERE account_id = ? AND seq = 4', [person.id]);
    expect(await verify(person)).toEqual({ intact: false, versions: 3, brokenAt: { entryId: ids[1], version: 2 } });
  });

  it('a truncated tail with the owner row rolled back to the previous head is still caught (the head is MAC-ed)', async () => {
    const { person, ids } = await logWithEntries();
    const [third] = await app.dataSource.query(
      'SELECT hash, entry_id FROM incident_versions WHERE account_id = ? AND seq = 3',
      [person.id],
    );
    await app.dataSource.query('DELETE FROM incident_versions WHERE account_id = ? AND seq = 4', [person.id]);
    await app.dataSource.query(
      'UPDATE incident_logs SET version_count = 3, head_hash = ?, head_entry_id = ?, head_version = 1 WHERE account_id = ?',
      [third.hash, third.entry_id, person.id],
    );
    expect(await verify(person)).toEqual({ intact: false, versions: 3, brokenAt: { entryId: ids[2], version: 1 } });
  });

  it('text erased without a deletion breaks the chain', async () => {
    const { person, ids } = await logWithEntries();
    await app.dataSource.query('UPDATE incident_versions SET content = NULL WHERE entry_id = ? AND version = 1', [
      ids[0],
    ]);
    expect(await verify(person)).toEqual({ intact: false, versions: 4, brokenAt: { entryId: ids[0], version: 1 } });
  });

  it('a value that fails to decrypt is broken, not a 500: reads leave it out or refuse it, never show another row', async () => {
    const { person, ids } = await logWithEntries();
    // Swap two ciphertexts between rows: each is valid for its own row only (AAD names the row).
    const [a] = await app.dataSource.query(
      'SELECT id, content FROM incident_versions WHERE entry_id = ? AND version = 1',
      [ids[0]],
    );
    const [c] = await app.dataSource.query(
      'SELECT id, content FROM incident_versions WHERE entry_id = ? AND version = 1',
      [ids[2]],
    );
    await app.dataSource.query('UPDATE incident_versions SET content = ? WHERE id = ?', [c.content, a.id]);
    await app.dataSource.query('UPDATE incident_versions SET content = ? WHERE id = ?', [a.content, c.id]);

    expect(await verify(person)).toEqual({ intact: false, versions: 4, brokenAt: { entryId: ids[0], version: 1 } });
    const list = await person.client.get('/me/incidents');
    expect(list.status).toBe(200);
    expect(list.body.items.map((e: { id: string }) => e.id)).toEqual([ids[1]]);
    expect(list.text).not.toContain('first entry words');
    expect(list.text).not.toContain('third entry words');
    const one = await person.client.get(`/me/incidents/${ids[0]}`);
    expect(one.status).toBe(409);
    expect(one.text).not.toContain('third entry words');
    expect((await person.client.patch(`/me/incidents/${ids[0]}`, { description: 'overwrite' })).status).toBe(409);
    // Exports and stats still answer, and say the log is not intact.
    const csv = await person.client.get('/me/incidents/export?format=csv');
    expect(csv.status).toBe(200);
    expect(csv.text).not.toContain('first entry words');
    expect((await person.client.get('/me/incidents/export?format=pdf')).status).toBe(200);
    expect((await person.client.get('/me/incidents/stats')).body.total).toBe(1);
    // The person can still delete the broken entry.
    expect((await person.client.delete(`/me/incidents/${ids[0]}`)).status).toBe(204);
  });

  it('garbage in the columns (not a ciphertext, not a date) is reported as broken, never a 500', async () => {
    const { person, ids } = await logWithEntries();
    await app.dataSource.query(
      `UPDATE incident_versions SET content = 'not-a-ciphertext' WHERE entry_id = ? AND version = 1`,
      [ids[2]],
    );
    expect(await verify(person)).toEqual({ intact: false, versions: 4, brokenAt: { entryId: ids[2], version: 1 } });
    await app.dataSource.query(
      `UPDATE incident_versions SET recorded_at = 'yesterday' WHERE entry_id = ? AND version = 1`,
      [ids[0]],
    );
    expect(await verify(person)).toEqual({ intact: false, versions: 4, brokenAt: { entryId: ids[0], version: 1 } });
    expect((await person.client.get('/me/incidents')).status).toBe(200);
    expect((await person.client.get(`/me/incidents/${ids[0]}`)).status).toBe(409);
    expect((await person.client.get('/me/incidents/export?format=pdf')).status).toBe(200);
  });

  it('keeps appending after a break, and the check keeps saying where it broke', async () => {
    const { person, ids } = await logWithEntries();
    await app.dataSource.query('DELETE FROM incident_versions WHERE account_id = ? AND seq = 4', [person.id]);
    const res = await person.client.post('/me/incidents', {
      occurredAt: '2026-11-02T10:00:00.000Z',
      contactType: 'other',
      description: 'after the break',
    });
    expect(res.status).toBe(201);
    const result = await verify(person);
    expect(result.intact).toBe(false);
    expect(result.brokenAt).toEqual({ entryId: res.body.id, version: 1 });
    expect(ids).toHaveLength(3);
  });
});
