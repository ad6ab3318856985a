import { addApprovedParticipant, createGroupFixture, type GroupFixture, type Participant } from '../support/groups';
import { startMeetingNow } from '../support/chat-fixtures';
import { joinRoom, record, sendMessage, settle, type JoinAck } from '../support/moderation-fixtures';
import { ask, type ChatClient } from '../support/sockets';
import { type Client, signInAdmin, startTestApp, type TestApp } from '../support/test-app';

const DEFAULT_NUMBERS = ['112', '114', '25 17 73 74'];

describe('watched words, crisis wording and the identifying-information guard', () => {
  let app: TestApp;
  let admin: Client;
  let fixture: GroupFixture;
  let other: GroupFixture;
  let writer: Participant;
  let reader: Participant;
  const sockets: ChatClient[] = [];
  const join = (client: Client, groupId = fixture.groupId) => joinRoom(app, client, groupId, sockets);

  beforeAll(async () => {
    app = await startTestApp();
    admin = await signInAdmin(app);
    fixture = await createGroupFixture(app, admin, { requireFacilitator: false, capacity: 40 });
    other = await createGroupFixture(app, admin, { requireFacilitator: false });
    writer = await addApprovedParticipant(app, fixture, { displayName: 'Skriver' });
    reader = await addApprovedParticipant(app, fixture, { displayName: 'Læser' });
    await startMeetingNow(app, fixture, 600);
    await startMeetingNow(app, other, 600);
  });
  afterEach(async () => {
    for (const s of sockets.splice(0)) s.close();
    // Let each test start with a fresh send budget and no slow-mode history.
    await settle(0);
  });
  afterAll(() => app.close());

  describe('a hold word', () => {
    it('keeps the message from members’ sockets and history until a facilitator approves it', async () => {
      const words = await fixture.facilitator.client.put(`/groups/${fixture.groupId}/watched-words`, {
        words: [{ pattern: 'hemmelig*', action: 'hold' }],
      });
      expect(words.status).toBe(200);
      expect(words.body.words).toEqual([{ pattern: 'hemmelig*', action: 'hold' }]);
      expect(words.body.adminWords.length).toBeGreaterThan(0);

      const writerSocket = await join(writer.client);
      const readerEvents = record(await join(reader.client), ['message:new', 'message:held', 'message:updated']);
      const staffEvents = record(await join(fixture.facilitator.client), [
        'message:held',
        'message:new',
        'message:updated',
      ]);
      const sent = await sendMessage(writerSocket, fixture.groupId, 'Det er HEMMELIGT hvor jeg bor');
      expect(sent).toMatchObject({
        ok: true,
        notice: 'held',
        message: { status: 'held', body: 'Det er HEMMELIGT hvor jeg bor' },
      });
      await settle();
      expect(readerEvents).toEqual([]);
      expect(staffEvents.map((e) => e.event)).toEqual(['message:held']);

      const readerHistory = await reader.client.get(`/groups/${fixture.groupId}/messages`);
      expect(readerHistory.text).not.toContain('HEMMELIGT');
      const rejoined = await ask<JoinAck>(await join(reader.client), 'room:join', { groupId: fixture.groupId });
      expect(rejoined.messages.map((m) => m.id)).not.toContain(sent.message!.id);
      const ownHistory = await writer.client.get(`/groups/${fixture.groupId}/messages`);
      expect(ownHistory.body.items.find((m: { id: string }) => m.id === sent.message!.id)).toMatchObject({
        status: 'held',
      });
      const queue = await fixture.facilitator.client.get(`/groups/${fixture.groupId}/messages?status=held`);
      expect(queue.body.items.map((m: { id: string }) => m.id)).toEqual([sent.message!.id]);
      expect(
        (await fixture.facilitator.client.get(`/groups/${fixture.groupId}/moderation/summary`)).body.heldMessages,
      ).toBe(1);
      expect((await reader.client.get(`/groups/${fixture.groupId}/messages?status=held`)).status).toBe(403);
      expect((await reader.client.post(`/groups/${fixture.groupId}/messages/${sent.message!.id}/approve`)).status).toBe(
        403,
      );

      const approved = await fixture.facilitator.client.post(
        `/groups/${fixture.groupId}/messages/${sent.message!.id}/approve`,
      );
      const readerAtAnswer = [...readerEvents];
      expect(approved.status).toBe(200);
      expect(approved.body).toMatchObject({ id: sent.message!.id, status: 'delivered' });
      expect(readerAtAnswer.map((e) => e.event)).toEqual(['message:new']);
      expect(readerAtAnswer[0].payload).toMatchObject({
        message: { id: sent.message!.id, status: 'delivered', body: 'Det er HEMMELIGT hvor jeg bor' },
      });
      expect((await reader.client.get(`/groups/${fixture.groupId}/messages`)).text).toContain('HEMMELIGT');
      expect(
        (await fixture.facilitator.client.get(`/groups/${fixture.groupId}/moderation-log`)).body.items[0],
      ).toMatchObject({
        action: 'message-approved',
        messageId: sent.message!.id,
        targetMemberId: writer.memberId,
      });
      expect(
        (await fixture.facilitator.client.post(`/groups/${fixture.groupId}/messages/${sent.message!.id}/approve`))
          .status,
      ).toBe(409);
    });

    it('is per group: the same word is not held in another group', async () => {
      const elsewhere = await addApprovedParticipant(app, other);
      const sent = await sendMessage(await join(elsewhere.client, other.groupId), other.groupId, 'Det er hemmeligt');
      expect(sent).toMatchObject({ ok: true, message: { status: 'delivered' } });
      expect(sent.notice).toBeUndefined();
    });

    it('a held message removed by a facilitator never reaches the members', async () => {
      const writerSocket = await join(writer.client);
      const readerEvents = record(await join(reader.client), ['message:new', 'message:removed']);
      const sent = await sendMessage(writerSocket, fixture.groupId, 'Mere hemmelighed');
      expect(sent.notice).toBe('held');
      const writerEvents = record(writerSocket, ['message:removed']);
      const res = await fixture.facilitator.client.delete(`/groups/${fixture.groupId}/messages/${sent.message!.id}`, {
        reason: 'Ikke her',
      });
      expect(res.status).toBe(204);
      expect(writerEvents).toHaveLength(1);
      await settle();
      expect(readerEvents).toEqual([]);
      const queue = await fixture.facilitator.client.get(`/groups/${fixture.groupId}/messages?status=held`);
      expect(queue.body.items.map((m: { id: string }) => m.id)).not.toContain(sent.message!.id);
    });
  });

  describe("the admin's list", () => {
    it('starts with crisis wording, applies to every group, and is the admin’s alone', async () => {
      const list = await admin.get('/admin/watched-words');
      expect(list.status).toBe(200);
      expect(list.body.words).toContainEqual({ pattern: 'selvmord*', action: 'crisis' });
      expect((await fixture.facilitator.client.get('/admin/watched-words')).status).toBe(403);
      expect((await writer.client.put('/admin/watched-words', { words: [] })).status).toBe(403);
      const replaced = await admin.put('/admin/watched-words', {
        words: [...list.body.words, { pattern: 'Forbudt Ord', action: 'hold' }],
      });
      expect(replaced.status).toBe(200);
      expect(await sendMessage(await join(writer.client), fixture.groupId, 'et forbudt  ord')).toMatchObject({
        notice: 'held',
      });
      const elsewhere = await addApprovedParticipant(app, other);
      expect(
        await sendMessage(await join(elsewhere.client, other.groupId), other.groupId, 'FORBUDT ORD'),
      ).toMatchObject({ notice: 'held' });
      expect((await admin.put('/admin/watched-words', { words: [{ pattern: '  ', action: 'hold' }] })).status).toBe(
        400,
      );
      expect((await admin.put('/admin/watched-words', { words: [{ pattern: 'x', action: 'delete' }] })).status).toBe(
        400,
      );
      expect((await admin.put('/admin/watched-words', { words: list.body.words })).status).toBe(200);
    });
  });

  describe('crisis wording', () => {
    it('reaches the members, alerts only the facilitators’ sockets and shows the writer the help lines', async () => {
      const writerSocket = await join(writer.client);
      const writerEvents = record(writerSocket, ['safety:alert']);
      const readerEvents = record(await join(reader.client), ['message:new', 'safety:alert']);
      const staffEvents = record(await join(fixture.facilitator.client), ['safety:alert']);
      const sent = await sendMessage(writerSocket, fixture.groupId, 'Jeg tænker på selvmord i aften');
      expect(sent).toMatchObject({ ok: true, notice: 'crisis', message: { status: 'delivered' } });
      expect(sent.helpLines!.map((l) => l.number)).toEqual(DEFAULT_NUMBERS);
      expect(sent.helpLines![0]).toMatchObject({ name: 'Alarm 112', description: 'Akut fare' });
      await settle();
      expect(readerEvents.map((e) => e.event)).toEqual(['message:new']);
      expect(writerEvents).toEqual([]);
      expect(staffEvents).toEqual([
        {
          event: 'safety:alert',
          payload: {
            groupId: fixture.groupId,
            alertId: expect.any(String),
            kind: 'crisis',
            fromMemberId: writer.memberId,
            messageId: sent.message!.id,
          },
        },
      ]);
      const queue = await fixture.facilitator.client.get(`/groups/${fixture.groupId}/safety?status=open`);
      expect(queue.body.items[0]).toMatchObject({
        kind: 'crisis',
        messageId: sent.message!.id,
        message: { originalBody: 'Jeg tænker på selvmord i aften' },
      });
    });

    it('with no facilitator online, still shows help lines (in the writer’s language) and keeps the alert in the queue', async () => {
      expect((await writer.client.patch('/auth/me', { locale: 'en' })).status).toBe(200);
      try {
        const before = (await fixture.facilitator.client.get(`/groups/${fixture.groupId}/safety`)).body
          .unread as number;
        const sent = await sendMessage(await join(writer.client), fixture.groupId, 'I want to end my life');
        expect(sent.notice).toBe('crisis');
        expect(sent.helpLines!.map((l) => l.number)).toEqual(DEFAULT_NUMBERS);
        expect(sent.helpLines![0]).toMatchObject({ description: 'Acute danger' });
        const later = await fixture.facilitator.client.get(`/groups/${fixture.groupId}/safety`);
        expect(later.body.unread).toBe(before + 1);
        expect(later.body.items[0]).toMatchObject({ kind: 'crisis', status: 'open', fromMemberId: writer.memberId });
      } finally {
        await writer.client.patch('/auth/me', { locale: 'da' });
      }
    });
  });

  describe('identifying information', () => {
    it('asks the writer to confirm; once confirmed it is delivered and the facilitators are told privately', async () => {
      const writerSocket = await join(writer.client);
      const readerEvents = record(await join(reader.client), ['message:new', 'safety:alert']);
      const staffEvents = record(await join(fixture.facilitator.client), ['safety:alert', 'message:new']);
      const body = 'Han bor på Vestergade 4, 2. th og har nummer 12 34 56 78';
      const before = await app.dataSource.query('SELECT COUNT(*) AS n FROM messages');
      const asked = await sendMessage(writerSocket, fixture.groupId, body);
      expect(asked).toMatchObject({ ok: false, code: 'IDENTIFYING_INFO' });
      const after = await app.dataSource.query('SELECT COUNT(*) AS n FROM messages');
      expect(Number(after[0].n)).toBe(Number(before[0].n));
      await settle();
      expect(readerEvents).toEqual([]);
      expect(staffEvents).toEqual([]);

      const confirmed = await sendMessage(writerSocket, fixture.groupId, body, { confirmIdentifying: true });
      expect(confirmed).toMatchObject({ ok: true, message: { status: 'delivered', body } });
      await settle();
      expect(readerEvents.map((e) => e.event)).toEqual(['message:new']);
      expect(staffEvents.find((e) => e.event === 'safety:alert')?.payload).toEqual({
        groupId: fixture.groupId,
        alertId: expect.any(String),
        kind: 'identifying-info',
        fromMemberId: writer.memberId,
        messageId: confirmed.message!.id,
      });
    });

    it('lets ordinary numbers through without asking', async () => {
      const socket = await join(writer.client);
      for (const body of [
        'Vi ses kl. 18.00 d. 24/3',
        'Mødet 24.03.2026 kl. 18:00',
        'Det kostede 1.250 kr, 3 gange i 2026',
      ]) {
        expect(await sendMessage(socket, fixture.groupId, body)).toMatchObject({ ok: true });
      }
    });
  });

  describe('help lines', () => {
    it('has the three default lines in both languages, and only the admin edits them', async () => {
      const lines = await reader.client.get('/help-lines');
      expect(lines.status).toBe(200);
      expect(lines.body.items.map((l: { number: string }) => l.number)).toEqual(DEFAULT_NUMBERS);
      expect(lines.body.items[2]).toMatchObject({
        name: { da: 'Dansk Stalking Center, telefonrådgivning' },
        description: { en: expect.stringContaining('anonymous') },
      });
      expect((await reader.client.put('/admin/help-lines', { lines: [] })).status).toBe(403);
      const current = await admin.get('/admin/help-lines');
      const added = {
        number: '70 20 12 01',
        name: { da: 'Lokalt krisecenter', en: 'Local crisis centre' },
        hours: { da: 'Hverdage 9–15', en: 'Weekdays 9–15' },
        description: { da: 'Tjekket af admin', en: 'Checked by the admin' },
      };
      const put = await admin.put('/admin/help-lines', { lines: [...current.body.lines, added] });
      expect(put.status).toBe(200);
      expect((await reader.client.get('/help-lines')).body.items).toHaveLength(4);
      expect((await admin.put('/admin/help-lines', { lines: [{ ...added, number: 'call me' }] })).status).toBe(400);
      expect((await admin.put('/admin/help-lines', { lines: [{ ...added, name: { da: '', en: 'x' } }] })).status).toBe(
        400,
      );
      expect((await admin.put('/admin/help-lines', { lines: current.body.lines })).status).toBe(200);
    });
  });
});
