import { addApprovedParticipant, createGroupFixture, type GroupFixture, type Participant } from '../support/groups';
import { startMeetingNow } from '../support/chat-fixtures';
import { joinRoom, record, sendMessage, settle, type JoinAck } from '../support/moderation-fixtures';
import { ask, connectChat, type ChatClient } from '../support/sockets';
import { type Client, signInAdmin, startTestApp, type TestApp } from '../support/test-app';

type Presence = { groupId: string; members: { memberId: string }[] };

describe('reports, safety alerts, ignore and notes', () => {
  let app: TestApp;
  let admin: Client;
  let fixture: GroupFixture;
  const sockets: ChatClient[] = [];
  const join = (client: Client) => joinRoom(app, client, fixture.groupId, sockets);
  const facilitator = () => fixture.facilitator.client;
  const group = (path = '') => `/groups/${fixture.groupId}${path}`;

  beforeAll(async () => {
    app = await startTestApp();
    admin = await signInAdmin(app);
    fixture = await createGroupFixture(app, admin, { requireFacilitator: false, capacity: 40 });
    await startMeetingNow(app, fixture, 600);
  });
  afterEach(() => {
    for (const s of sockets.splice(0)) s.close();
  });
  afterAll(() => app.close());

  describe('reports', () => {
    let author: Participant;
    let reporter: Participant;
    let messageId: string;

    beforeAll(async () => {
      author = await addApprovedParticipant(app, fixture, { displayName: 'Anklaget' });
      reporter = await addApprovedParticipant(app, fixture, { displayName: 'Anmelder' });
      const socket = await join(author.client);
      messageId = (await sendMessage(socket, fixture.groupId, 'Du er dum')).message!.id;
      socket.close();
    });

    it('reaches the facilitators’ queue and sockets before the answer, never naming the reporter', async () => {
      const staffEvents = record(await join(facilitator()), ['report:new']);
      const authorEvents = record(await join(author.client), ['report:new']);
      const res = await reporter.client.post(group(`/messages/${messageId}/report`), {
        category: 'harassment',
        note: 'Det gør ondt',
      });
      const atAnswer = [...staffEvents];
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ messageId, category: 'harassment', note: 'Det gør ondt', status: 'open' });
      expect(atAnswer).toHaveLength(1);
      const payload = atAnswer[0].payload as { groupId: string; report: Record<string, unknown> };
      expect(payload).toMatchObject({
        groupId: fixture.groupId,
        report: {
          id: res.body.id,
          messageId,
          reportedMemberId: author.memberId,
          category: 'harassment',
          note: 'Det gør ondt',
          status: 'open',
          message: { originalBody: 'Du er dum' },
        },
      });
      expect(JSON.stringify(payload)).not.toContain(reporter.memberId);
      expect(JSON.stringify(payload)).not.toContain('Anmelder');
      const queue = await facilitator().get(group('/reports'));
      expect(queue.body.unread).toBe(1);
      expect(JSON.stringify(queue.body)).not.toContain(reporter.memberId);
      await settle();
      expect(authorEvents).toEqual([]);
      expect((await reporter.client.post(group(`/messages/${messageId}/report`), { category: 'spam' })).status).toBe(
        409,
      );
      expect((await author.client.post(group(`/messages/${messageId}/report`), { category: 'spam' })).status).toBe(400);
      expect((await reporter.client.post(group(`/messages/${messageId}/report`), { category: 'rude' })).status).toBe(
        400,
      );
      expect((await facilitator().post(group(`/messages/${messageId}/report`), { category: 'spam' })).status).toBe(403);
    });

    it('is resolved with its action carried out: a mute that takes effect before the answer, one log entry', async () => {
      const [report] = (await facilitator().get(group('/reports?status=open'))).body.items;
      for (const body of [
        { resolution: 'dismissed', action: 'mute', minutes: 5 },
        { resolution: 'actioned', action: 'mute' },
        { resolution: 'actioned', action: 'ban', minutes: 5 },
        { resolution: 'closed' },
      ]) {
        expect((await facilitator().post(`/reports/${report.id}/resolve`, body)).status).toBe(400);
      }
      const authorSocket = await join(author.client);
      const notices = record(authorSocket, ['moderation:notice']);
      const logBefore = (await facilitator().get(group('/moderation-log'))).body.items.length;
      const res = await facilitator().post(`/reports/${report.id}/resolve`, {
        resolution: 'actioned',
        action: 'mute',
        minutes: 15,
        note: 'Sprogbrug',
      });
      const atAnswer = [...notices];
      const refused = await sendMessage(authorSocket, fixture.groupId, 'Undskyld');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        id: report.id,
        status: 'actioned',
        action: 'mute',
        resolutionNote: 'Sprogbrug',
        resolvedAt: expect.any(String),
      });
      expect(atAnswer).toEqual([
        { event: 'moderation:notice', payload: { groupId: fixture.groupId, kind: 'muted', until: expect.any(String) } },
      ]);
      expect(JSON.stringify(atAnswer)).not.toContain(reporter.memberId);
      expect(refused).toMatchObject({ ok: false, code: 'MUTED' });
      const log = (await facilitator().get(group('/moderation-log'))).body.items;
      expect(log).toHaveLength(logBefore + 1);
      expect(log[0]).toMatchObject({
        action: 'muted',
        targetMemberId: author.memberId,
        reason: 'Sprogbrug',
        details: { reportId: report.id, reportCategory: 'harassment' },
      });
      expect((await facilitator().get(group('/reports'))).body.unread).toBe(0);
      expect((await facilitator().post(`/reports/${report.id}/resolve`, { resolution: 'dismissed' })).status).toBe(409);
      await facilitator().post(group(`/members/${author.memberId}/unmute`), {});
    });

    it('removes the reported message when that is the action, and can be dismissed', async () => {
      const socket = await join(author.client);
      const second = (await sendMessage(socket, fixture.groupId, 'Endnu en grim besked')).message!.id;
      const readerEvents = record(await join(reporter.client), ['message:removed']);
      const reported = await reporter.client.post(group(`/messages/${second}/report`), { category: 'other' });
      const res = await facilitator().post(`/reports/${reported.body.id}/resolve`, {
        resolution: 'actioned',
        action: 'remove-message',
        note: 'Fjernet',
      });
      const atAnswer = [...readerEvents];
      expect(res.status).toBe(200);
      expect(res.body.message).toMatchObject({ id: second, removed: 'facilitator', removalReason: 'Fjernet' });
      expect(atAnswer.map((e) => (e.payload as { message: { id: string; body: unknown } }).message)).toEqual([
        expect.objectContaining({ id: second, body: null }),
      ]);

      const third = (await sendMessage(socket, fixture.groupId, 'Hmm')).message!.id;
      const spam = await reporter.client.post(group(`/messages/${third}/report`), { category: 'spam' });
      const dismissed = await facilitator().post(`/reports/${spam.body.id}/resolve`, {
        resolution: 'dismissed',
        note: 'Ok',
      });
      expect(dismissed.body).toMatchObject({ status: 'dismissed', action: null });
      expect((await facilitator().get(group('/moderation-log'))).body.items[0]).toMatchObject({
        action: 'report-dismissed',
        messageId: third,
      });
    });
  });

  describe('safety alerts', () => {
    it('"I’m not safe" alerts only the facilitators’ sockets, waits in the queue until resolved', async () => {
      const member = await addApprovedParticipant(app, fixture);
      const bystander = await addApprovedParticipant(app, fixture);
      const bystanderEvents = record(await join(bystander.client), ['safety:alert']);
      const staffEvents = record(await join(facilitator()), ['safety:alert']);
      const before = (await facilitator().get(group('/safety'))).body.unread as number;
      const res = await member.client.post(group('/safety'), { kind: 'not-safe' });
      const atAnswer = [...staffEvents];
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ kind: 'not-safe', status: 'open', aboutMemberId: null });
      expect(atAnswer).toEqual([
        {
          event: 'safety:alert',
          payload: { groupId: fixture.groupId, alertId: res.body.id, kind: 'not-safe', fromMemberId: member.memberId },
        },
      ]);
      await settle();
      expect(bystanderEvents).toEqual([]);

      const queue = await facilitator().get(group('/safety?status=open'));
      expect(queue.body.unread).toBe(before + 1);
      expect(queue.body.items.find((a: { id: string }) => a.id === res.body.id)).toMatchObject({
        fromMemberId: member.memberId,
        fromDisplayName: member.displayName,
      });
      const resolved = await facilitator().post(`/safety/${res.body.id}/resolve`, { note: 'Ringede op' });
      expect(resolved.status).toBe(200);
      expect(resolved.body).toMatchObject({ status: 'resolved', resolutionNote: 'Ringede op' });
      expect((await facilitator().get(group('/safety'))).body.unread).toBe(before);
      expect((await facilitator().get(group('/moderation-log'))).body.items[0]).toMatchObject({
        action: 'safety-resolved',
        details: { safetyAlertId: res.body.id },
      });
      expect((await facilitator().post(`/safety/${res.body.id}/resolve`, {})).status).toBe(409);
      expect(
        (await member.client.post(group('/safety'), { kind: 'not-safe', aboutMemberId: bystander.memberId })).status,
      ).toBe(400);
      expect((await member.client.post(group('/safety'), { kind: 'knows-member' })).status).toBe(400);
      expect(
        (await member.client.post(group('/safety'), { kind: 'knows-member', aboutMemberId: member.memberId })).status,
      ).toBe(400);
      expect(
        (
          await member.client.post(group('/safety'), {
            kind: 'knows-member',
            aboutMemberId: fixture.facilitator.memberId,
          })
        ).status,
      ).toBe(400);
    });

    it('"I think I know this person" hides the reporter from that member until a facilitator decides', async () => {
      const reporter = await addApprovedParticipant(app, fixture, { displayName: 'Skjult' });
      const suspect = await addApprovedParticipant(app, fixture, { displayName: 'Mistænkt' });
      const bystander = await addApprovedParticipant(app, fixture);
      const reporterSocket = await join(reporter.client);
      const earlier = (await sendMessage(reporterSocket, fixture.groupId, 'Skrevet før')).message!.id;
      const suspectSocket = await join(suspect.client);
      const suspectEvents = record(suspectSocket, ['member:presence', 'message:new', 'safety:alert', 'member:typing']);
      const reporterEvents = record(reporterSocket, ['member:presence', 'message:new', 'member:typing']);
      const bystanderEvents = record(await join(bystander.client), ['message:new', 'safety:alert']);
      const staffEvents = record(await join(facilitator()), ['safety:alert']);

      const raised = await reporter.client.post(group('/safety'), {
        kind: 'knows-member',
        aboutMemberId: suspect.memberId,
      });
      const suspectAtAnswer = [...suspectEvents];
      const reporterHeardBefore = reporterEvents.length;
      expect(raised.status).toBe(201);
      expect(staffEvents.map((e) => e.payload)).toEqual([
        {
          groupId: fixture.groupId,
          alertId: raised.body.id,
          kind: 'knows-member',
          fromMemberId: reporter.memberId,
          aboutMemberId: suspect.memberId,
        },
      ]);
      const lastPresence = suspectAtAnswer.filter((e) => e.event === 'member:presence').at(-1)?.payload as Presence;
      expect(lastPresence.members.map((m) => m.memberId)).not.toContain(reporter.memberId);
      expect(lastPresence.members.map((m) => m.memberId)).toContain(bystander.memberId);

      const sent = await sendMessage(reporterSocket, fixture.groupId, 'Er du der?');
      reporterSocket.emit('typing', { groupId: fixture.groupId });
      await settle(250);
      expect(
        bystanderEvents
          .filter((e) => e.event === 'message:new')
          .map((e) => (e.payload as { message: { id: string } }).message.id),
      ).toContain(sent.message!.id);
      expect(suspectEvents.filter((e) => e.event === 'message:new')).toEqual([]);
      expect(suspectEvents.filter((e) => e.event === 'member:typing')).toEqual([]);
      expect(JSON.stringify(suspectEvents)).not.toContain('knows-member');

      // Both ways: the member who raised it does not see the suspect either, so it can never be
      // turned into a way to watch someone unseen.
      const fromSuspect = await sendMessage(suspectSocket, fixture.groupId, 'Hvem er her?');
      suspectSocket.emit('typing', { groupId: fixture.groupId });
      await settle(250);
      expect(
        bystanderEvents
          .filter((e) => e.event === 'message:new')
          .map((e) => (e.payload as { message: { id: string } }).message.id),
      ).toContain(fromSuspect.message!.id);
      const reporterHeard = JSON.stringify(reporterEvents.slice(reporterHeardBefore));
      expect(reporterHeard).toContain('Er du der?');
      expect(reporterHeard).not.toContain(suspect.memberId);
      expect(reporterHeard).not.toContain('Mistænkt');
      expect((await reporter.client.get(group('/members'))).body.items.map((m: { memberId: string }) => m.memberId)).not.toContain(
        suspect.memberId,
      );
      expect(
        (await reporter.client.get(group('/messages'))).body.items.map((m: { id: string }) => m.id),
      ).not.toContain(fromSuspect.message!.id);

      const history = await suspect.client.get(group('/messages'));
      expect(history.body.items.map((m: { id: string }) => m.id)).not.toContain(earlier);
      expect(history.body.items.map((m: { id: string }) => m.id)).not.toContain(sent.message!.id);
      const rejoin = await ask<JoinAck>(
        await connectChat(app, suspect.client).then((s) => (sockets.push(s), s)),
        'room:join',
        { groupId: fixture.groupId },
      );
      expect(rejoin.messages.map((m) => m.memberId)).not.toContain(reporter.memberId);
      const members = await suspect.client.get(group('/members'));
      expect(members.body.items.map((m: { memberId: string }) => m.memberId)).not.toContain(reporter.memberId);
      expect((await suspect.client.get(group(`/members/${reporter.memberId}`))).status).toBe(404);
      expect((await bystander.client.get(group(`/members/${reporter.memberId}`))).status).toBe(200);
      expect(
        (await reporter.client.post(group('/safety'), { kind: 'knows-member', aboutMemberId: suspect.memberId }))
          .status,
      ).toBe(409);

      const presenceBefore = suspectEvents.length;
      const decided = await facilitator().post(`/safety/${raised.body.id}/resolve`, { note: 'Ikke den samme person' });
      expect(decided.status).toBe(200);
      const shown = suspectEvents
        .slice(presenceBefore)
        .filter((e) => e.event === 'member:presence')
        .at(-1)?.payload as Presence;
      expect(shown.members.map((m) => m.memberId)).toContain(reporter.memberId);
      const after = await suspect.client.get(group('/messages'));
      expect(after.body.items.map((m: { id: string }) => m.id)).toEqual(
        expect.arrayContaining([earlier, sent.message!.id]),
      );
      expect(
        (await suspect.client.get(group('/members'))).body.items.map((m: { memberId: string }) => m.memberId),
      ).toContain(reporter.memberId);
    });
  });

  describe('ignore', () => {
    it('hides a member’s messages for me alone: not sent to my sockets, not in my history or join', async () => {
      const me = await addApprovedParticipant(app, fixture);
      const noisy = await addApprovedParticipant(app, fixture);
      const friend = await addApprovedParticipant(app, fixture);
      const noisySocket = await join(noisy.client);
      const before = (await sendMessage(noisySocket, fixture.groupId, 'Før ignorering')).message!.id;

      const res = await me.client.put(group('/membership/ignored'), { memberIds: [noisy.memberId] });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ memberIds: [noisy.memberId] });
      expect((await me.client.get(group('/membership/ignored'))).body).toEqual({ memberIds: [noisy.memberId] });

      const myEvents = record(await join(me.client), ['message:new']);
      const friendEvents = record(await join(friend.client), ['message:new']);
      const sent = (await sendMessage(noisySocket, fixture.groupId, 'Efter ignorering')).message!.id;
      await settle();
      expect(myEvents).toEqual([]);
      expect(friendEvents.map((e) => (e.payload as { message: { id: string } }).message.id)).toEqual([sent]);
      const history = (await me.client.get(group('/messages'))).body.items.map((m: { id: string }) => m.id);
      expect(history).not.toContain(before);
      expect(history).not.toContain(sent);
      const rejoined = await ask<JoinAck>(
        await connectChat(app, me.client).then((s) => (sockets.push(s), s)),
        'room:join',
        { groupId: fixture.groupId },
      );
      expect(rejoined.messages.map((m) => m.id)).not.toContain(before);
      expect(rejoined.messages.map((m) => m.id)).not.toContain(sent);
      expect((await friend.client.get(group('/messages'))).body.items.map((m: { id: string }) => m.id)).toEqual(
        expect.arrayContaining([before, sent]),
      );

      for (const memberIds of [[me.memberId], [fixture.facilitator.memberId], [crypto.randomUUID()], ['not-a-uuid']]) {
        expect((await me.client.put(group('/membership/ignored'), { memberIds })).status).toBe(400);
      }
      expect((await facilitator().put(group('/membership/ignored'), { memberIds: [noisy.memberId] })).status).toBe(403);

      expect((await me.client.put(group('/membership/ignored'), { memberIds: [] })).body).toEqual({ memberIds: [] });
      expect((await me.client.get(group('/messages'))).body.items.map((m: { id: string }) => m.id)).toEqual(
        expect.arrayContaining([before, sent]),
      );
    });
  });

  describe('facilitator notes', () => {
    it('are kept per member, newest first, for the group’s facilitators only', async () => {
      const member = await addApprovedParticipant(app, fixture);
      const first = await facilitator().post(group(`/members/${member.memberId}/notes`), {
        body: 'Virker utryg i dag',
      });
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({
        memberId: member.memberId,
        body: 'Virker utryg i dag',
        authorDisplayName: 'Mette',
      });
      app.clock.advance(1000);
      try {
        await facilitator().post(group(`/members/${member.memberId}/notes`), { body: 'Talt med koordinator' });
      } finally {
        app.clock.reset();
      }
      const list = await facilitator().get(group(`/members/${member.memberId}/notes`));
      expect(list.body.items.map((n: { body: string }) => n.body)).toEqual([
        'Talt med koordinator',
        'Virker utryg i dag',
      ]);
      expect((await member.client.get(group(`/members/${member.memberId}/notes`))).status).toBe(403);
      expect((await member.client.post(group(`/members/${member.memberId}/notes`), { body: 'x' })).status).toBe(403);
      expect((await facilitator().post(group(`/members/${member.memberId}/notes`), { body: '' })).status).toBe(400);
      expect((await facilitator().get(group(`/members/${crypto.randomUUID()}/notes`))).status).toBe(404);
      const exported = await member.client.get('/me/export');
      expect(exported.status).toBe(200);
      expect(exported.text).not.toContain('Virker utryg');
    });
  });
});
