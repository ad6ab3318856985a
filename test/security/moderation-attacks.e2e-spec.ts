import type { Socket } from 'socket.io-client';
import { addApprovedParticipant, createGroupFixture, type GroupFixture, type Participant } from '../support/groups';
import { startMeetingNow } from '../support/chat-fixtures';
import { containsText, readAllStoredBytes } from '../support/database-bytes';
import { joinRoom, sendMessage, settle } from '../support/moderation-fixtures';
import type { ChatClient } from '../support/sockets';
import { type Client, signInAdmin, startTestApp, type TestApp } from '../support/test-app';

type Call = [method: 'get' | 'post' | 'put' | 'patch' | 'delete', path: string, body?: object];

describe('moderation attacks', () => {
  let app: TestApp;
  let admin: Client;
  let groupA: GroupFixture;
  let groupB: GroupFixture;
  let memberA: Participant;
  let otherA: Participant;
  let memberB: Participant;
  let messageA: string;
  let messageB: string;
  let reportB: string;
  let alertB: string;
  const sockets: ChatClient[] = [];

  /** Every facilitator route of a group, with valid bodies, aimed at `member` and `message`. */
  const facilitatorRoutes = (
    groupId: string,
    memberId: string,
    messageId: string,
    reportId: string,
    alertId: string,
  ): Call[] => [
    ['delete', `/groups/${groupId}/messages/${messageId}`, { reason: 'weg' }],
    ['post', `/groups/${groupId}/messages/${messageId}/approve`],
    ['get', `/groups/${groupId}/messages?status=held`],
    ['get', `/groups/${groupId}/reports`],
    ['post', `/reports/${reportId}/resolve`, { resolution: 'actioned', action: 'ban', note: 'x' }],
    ['post', `/groups/${groupId}/members/${memberId}/mute`, { minutes: 60, reason: 'x' }],
    ['post', `/groups/${groupId}/members/${memberId}/unmute`, {}],
    ['post', `/groups/${groupId}/members/${memberId}/remove`, { reason: 'x' }],
    ['post', `/groups/${groupId}/members/${memberId}/ban`, { reason: 'x' }],
    ['get', `/groups/${groupId}/members/${memberId}/notes`],
    ['post', `/groups/${groupId}/members/${memberId}/notes`, { body: 'x' }],
    ['patch', `/groups/${groupId}/room`, { locked: true }],
    ['get', `/groups/${groupId}/watched-words`],
    ['put', `/groups/${groupId}/watched-words`, { words: [{ pattern: 'hej', action: 'hold' }] }],
    ['get', `/groups/${groupId}/moderation-log`],
    ['get', `/groups/${groupId}/moderation/summary`],
    ['get', `/groups/${groupId}/safety`],
    ['post', `/safety/${alertId}/resolve`, {}],
  ];
  const call = (client: Client, [method, path, body]: Call) =>
    method === 'get' ? client.get(path) : client[method](path, body);

  beforeAll(async () => {
    app = await startTestApp();
    admin = await signInAdmin(app);
    groupA = await createGroupFixture(app, admin, { name: 'Kanariefuglen', requireFacilitator: false });
    groupB = await createGroupFixture(app, admin, { requireFacilitator: false });
    memberA = await addApprovedParticipant(app, groupA, { displayName: 'Alfa' });
    otherA = await addApprovedParticipant(app, groupA, { displayName: 'Anden' });
    memberB = await addApprovedParticipant(app, groupB, { displayName: 'Bravo' });
    const reporterB = await addApprovedParticipant(app, groupB);
    await startMeetingNow(app, groupA, 600);
    await startMeetingNow(app, groupB, 600);
    messageA = (
      await sendMessage(await joinRoom(app, otherA.client, groupA.groupId, sockets), groupA.groupId, 'Besked i A')
    ).message!.id;
    messageB = (
      await sendMessage(await joinRoom(app, memberB.client, groupB.groupId, sockets), groupB.groupId, 'Besked i B')
    ).message!.id;
    reportB = (
      await reporterB.client.post(`/groups/${groupB.groupId}/messages/${messageB}/report`, { category: 'spam' })
    ).body.id;
    alertB = (await reporterB.client.post(`/groups/${groupB.groupId}/safety`, { kind: 'not-safe' })).body.id;
    for (const s of sockets.splice(0)) s.close();
  });
  afterEach(() => {
    for (const s of sockets.splice(0)) s.close();
  });
  afterAll(() => app.close());

  it('refuses a member on every facilitator route (403 or 404), changing nothing', async () => {
    const [reportA, alertA] = await Promise.all([
      memberA.client.post(`/groups/${groupA.groupId}/messages/${messageA}/report`, { category: 'other' }),
      memberA.client.post(`/groups/${groupA.groupId}/safety`, { kind: 'not-safe' }),
    ]);
    const logBefore = await groupA.facilitator.client.get(`/groups/${groupA.groupId}/moderation-log`);
    for (const route of facilitatorRoutes(groupA.groupId, otherA.memberId, messageA, reportA.body.id, alertA.body.id)) {
      const res = await call(memberA.client, route);
      expect([route, [403, 404].includes(res.status)]).toEqual([route, true]);
    }
    for (const route of [
      ['get', '/admin/watched-words'],
      ['put', '/admin/watched-words', { words: [] }],
      ['get', '/admin/help-lines'],
      ['put', '/admin/help-lines', { lines: [] }],
    ] as Call[]) {
      expect((await call(memberA.client, route)).status).toBe(403);
      expect((await call(groupA.facilitator.client, route)).status).toBe(403);
    }
    const logAfter = await groupA.facilitator.client.get(`/groups/${groupA.groupId}/moderation-log`);
    expect(logAfter.body.items).toEqual(logBefore.body.items);
    expect((await groupA.facilitator.client.get(`/groups/${groupA.groupId}/moderation/summary`)).body.mutes).toEqual(
      [],
    );
    expect((await otherA.client.get(`/groups/${groupA.groupId}/messages`)).status).toBe(200);
    expect((await admin.get('/help-lines')).body.items).toHaveLength(3);
  });

  it('refuses a facilitator of group A everything in group B with 404, changing nothing', async () => {
    for (const route of facilitatorRoutes(groupB.groupId, memberB.memberId, messageB, reportB, alertB)) {
      const res = await call(groupA.facilitator.client, route);
      expect([route, res.status]).toEqual([route, 404]);
    }
    const reports = await groupB.facilitator.client.get(`/groups/${groupB.groupId}/reports`);
    expect(reports.body.items.find((r: { id: string }) => r.id === reportB)).toMatchObject({ status: 'open' });
    expect((await groupB.facilitator.client.get(`/groups/${groupB.groupId}/safety`)).body.unread).toBe(1);
    expect((await groupB.facilitator.client.get(`/groups/${groupB.groupId}/moderation-log`)).body.items).toEqual([]);
    const history = await groupB.facilitator.client.get(`/groups/${groupB.groupId}/messages`);
    expect(history.body.items.find((m: { id: string }) => m.id === messageB)).toMatchObject({ removed: null });
  });

  it('never lets the reported member find the reporter, through any route or event', async () => {
    const fixture = await createGroupFixture(app, admin, { requireFacilitator: false });
    await startMeetingNow(app, fixture, 600);
    const reported = await addApprovedParticipant(app, fixture, { displayName: 'Udpeget' });
    const reporter = await addApprovedParticipant(app, fixture, { displayName: 'Vidnet' });
    const socket = await joinRoom(app, reported.client, fixture.groupId, sockets);
    const message = (await sendMessage(socket, fixture.groupId, 'Noget')).message!.id;
    await joinRoom(app, fixture.facilitator.client, fixture.groupId, sockets);
    await settle();
    const heard: Array<{ event: string; payload: unknown }> = [];
    (socket as unknown as Socket).onAny((event: string, payload: unknown) => heard.push({ event, payload }));

    const report = await reporter.client.post(`/groups/${fixture.groupId}/messages/${message}/report`, {
      category: 'harassment',
      note: 'Han skriver til mig privat',
    });
    expect(report.status).toBe(201);
    const resolved = await fixture.facilitator.client.post(`/reports/${report.body.id}/resolve`, {
      resolution: 'actioned',
      action: 'mute',
      minutes: 5,
      note: 'Advarsel',
    });
    expect(resolved.status).toBe(200);
    await settle();

    const traces = [reporter.memberId, 'Vidnet', 'Han skriver til mig privat', report.body.id];
    const leaks = (text: string) => traces.filter((t) => text.includes(t));
    // Events: only the mute notice, which names nobody.
    expect(heard.map((e) => e.event)).toEqual(['moderation:notice']);
    expect(leaks(JSON.stringify(heard))).toEqual([]);
    // Routes the reported member may call.
    for (const path of [
      '/auth/me',
      '/me/export',
      '/me/notifications',
      `/groups/${fixture.groupId}/messages`,
      `/groups/${fixture.groupId}/membership/ignored`,
    ]) {
      const res = await reported.client.get(path);
      expect([path, res.status]).toEqual([path, 200]);
      expect([path, leaks(res.text)]).toEqual([path, []]);
    }
    for (const path of [
      `/groups/${fixture.groupId}/reports`,
      `/groups/${fixture.groupId}/moderation-log`,
      `/groups/${fixture.groupId}/safety`,
    ]) {
      expect((await reported.client.get(path)).status).toBe(403);
    }
    // Not even the facilitators are told who reported.
    const staffViews = [
      JSON.stringify(resolved.body),
      (await fixture.facilitator.client.get(`/groups/${fixture.groupId}/reports`)).text,
      (await fixture.facilitator.client.get(`/groups/${fixture.groupId}/moderation-log`)).text,
      (await admin.get('/admin/audit?type=report.created')).text,
    ];
    expect(JSON.parse(staffViews[3]).items).toContainEqual(
      expect.objectContaining({ subjectId: report.body.id, actorId: null }),
    );
    for (const text of staffViews) {
      expect(text).not.toContain(reporter.memberId);
      expect(text).not.toContain(reporter.accountId);
      expect(text).not.toContain('Vidnet');
    }
  });

  it('keeps a banned client out: a later referral of the same reference is 409 BANNED, the account cannot redeem', async () => {
    const fixture = await createGroupFixture(app, admin, { requireFacilitator: false });
    const member = await addApprovedParticipant(app, fixture, { clientReference: 'CPR-ish 0101 Hansen' });
    expect(
      (
        await fixture.facilitator.client.post(`/groups/${fixture.groupId}/members/${member.memberId}/ban`, {
          reason: 'Forfølgelse',
        })
      ).status,
    ).toBe(200);
    const again = await fixture.coordinator.client.post('/referrals', {
      groupId: fixture.groupId,
      clientReference: 'cpr-ish 0101  hansen',
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('BANNED');
    const otherGroup = await fixture.coordinator.client.post('/referrals', {
      groupId: groupA.groupId,
      clientReference: 'CPR-ish 0101 Hansen',
    });
    expect(otherGroup.status).toBe(201);
    const code = (await fixture.coordinator.client.post('/referrals', { groupId: fixture.groupId })).body.code;
    const redeem = await member.client.post('/auth/redeem', { code, displayName: 'Igen' });
    const unknown = await member.client.post('/auth/redeem', { code: 'AAAA-BBBB-CCCC-DDDD-EEEE', displayName: 'Igen' });
    expect(redeem.status).toBe(400);
    expect(redeem.text).toBe(unknown.text);
  });

  it('keeps notes, reasons and report notes encrypted at rest, bound to their row', async () => {
    const fixture = await createGroupFixture(app, admin, { name: 'Kanariefuglen To', requireFacilitator: false });
    await startMeetingNow(app, fixture, 600);
    const one = await addApprovedParticipant(app, fixture);
    const two = await addApprovedParticipant(app, fixture);
    const f = fixture.facilitator.client;
    const noteOne = await f.post(`/groups/${fixture.groupId}/members/${one.memberId}/notes`, {
      body: 'Notat om Ørnevej og hendes søster',
    });
    const noteTwo = await f.post(`/groups/${fixture.groupId}/members/${two.memberId}/notes`, {
      body: 'Andet hemmeligt notat',
    });
    const message = (
      await sendMessage(await joinRoom(app, one.client, fixture.groupId, sockets), fixture.groupId, 'Hej')
    ).message!.id;
    await two.client.post(`/groups/${fixture.groupId}/messages/${message}/report`, {
      category: 'other',
      note: 'Rapportnote med detaljer',
    });
    await f.post(`/groups/${fixture.groupId}/members/${one.memberId}/mute`, {
      minutes: 5,
      reason: 'Grund til dæmpning',
    });
    await f.delete(`/groups/${fixture.groupId}/messages/${message}`, { reason: 'Fjernelsesgrund' });

    const bytes = await readAllStoredBytes(app.dataSource, app.dataDir);
    expect(containsText(bytes, 'Kanariefuglen To')).toBe(true);
    for (const secret of [
      'Ørnevej',
      'Andet hemmeligt notat',
      'Rapportnote med detaljer',
      'Grund til dæmpning',
      'Fjernelsesgrund',
    ]) {
      expect([secret, containsText(bytes, secret)]).toEqual([secret, false]);
    }

    // A ciphertext moved to another row refuses to open: never the other row's text, never a 500.
    const [a] = await app.dataSource.query('SELECT body_sealed FROM member_notes WHERE id = ?', [noteOne.body.id]);
    const [b] = await app.dataSource.query('SELECT body_sealed FROM member_notes WHERE id = ?', [noteTwo.body.id]);
    await app.dataSource.query('UPDATE member_notes SET body_sealed = ? WHERE id = ?', [
      b.body_sealed,
      noteOne.body.id,
    ]);
    await app.dataSource.query('UPDATE member_notes SET body_sealed = ? WHERE id = ?', [
      a.body_sealed,
      noteTwo.body.id,
    ]);
    const read = await f.get(`/groups/${fixture.groupId}/members/${one.memberId}/notes`);
    expect(read.status).toBe(200);
    expect(read.body.items).toEqual([expect.objectContaining({ id: noteOne.body.id, body: null })]);
    expect(read.text).not.toContain('Andet hemmeligt notat');
  });

  it('survives the deletion of a reporter’s and a reported member’s accounts: records stay, the people go, nothing 500s', async () => {
    const fixture = await createGroupFixture(app, admin, { requireFacilitator: false });
    await startMeetingNow(app, fixture, 600);
    const author = await addApprovedParticipant(app, fixture, { displayName: 'Forfatter' });
    const reporter = await addApprovedParticipant(app, fixture, { displayName: 'Melder' });
    const bystander = await addApprovedParticipant(app, fixture, { displayName: 'Tilskuer' });
    const f = fixture.facilitator.client;
    const message = (
      await sendMessage(await joinRoom(app, author.client, fixture.groupId, sockets), fixture.groupId, 'Hmm')
    ).message!.id;
    const report = await reporter.client.post(`/groups/${fixture.groupId}/messages/${message}/report`, {
      category: 'spam',
      note: 'Min egen note',
    });
    const alert = await reporter.client.post(`/groups/${fixture.groupId}/safety`, {
      kind: 'knows-member',
      aboutMemberId: author.memberId,
    });
    await f.post(`/groups/${fixture.groupId}/members/${author.memberId}/notes`, { body: 'Om forfatteren' });
    await f.post(`/groups/${fixture.groupId}/members/${author.memberId}/mute`, { minutes: 5, reason: 'Pause' });
    await bystander.client.put(`/groups/${fixture.groupId}/membership/ignored`, {
      memberIds: [author.memberId, reporter.memberId],
    });

    const exported = await reporter.client.get('/me/export');
    expect(exported.status).toBe(200);
    expect(exported.body.moderation.reports).toEqual([
      expect.objectContaining({ id: report.body.id, note: 'Min egen note' }),
    ]);
    expect(exported.text).not.toContain(author.memberId);
    expect(exported.text).not.toContain('Forfatter');
    const bystanderExport = await bystander.client.get('/me/export');
    expect(bystanderExport.text).not.toContain(author.memberId);
    expect(bystanderExport.body.moderation.ignoring).toEqual([{ groupId: fixture.groupId, members: 2 }]);
    const authorExport = await author.client.get('/me/export');
    expect(authorExport.text).not.toContain('Om forfatteren');
    expect(authorExport.text).not.toContain(reporter.memberId);
    expect(authorExport.body.moderation.actionsOnMe).toEqual([expect.objectContaining({ action: 'muted' })]);

    expect((await reporter.client.delete('/me', { password: reporter.password })).status).toBe(204);
    expect((await author.client.delete('/me', { password: author.password })).status).toBe(204);

    const reports = await f.get(`/groups/${fixture.groupId}/reports`);
    expect(reports.status).toBe(200);
    expect(reports.body.items[0]).toMatchObject({
      id: report.body.id,
      reportedMemberId: null,
      note: null,
      message: { memberId: null },
    });
    const safety = await f.get(`/groups/${fixture.groupId}/safety`);
    expect(safety.status).toBe(200);
    expect(safety.body.items[0]).toMatchObject({ id: alert.body.id, fromMemberId: null, aboutMemberId: null });
    const log = await f.get(`/groups/${fixture.groupId}/moderation-log`);
    expect(log.status).toBe(200);
    expect(log.body.items[0]).toMatchObject({ action: 'muted', targetMemberId: null, reason: 'Pause' });
    expect((await f.get(`/groups/${fixture.groupId}/moderation/summary`)).body.mutes).toEqual([]);
    expect((await bystander.client.get(`/groups/${fixture.groupId}/membership/ignored`)).body).toEqual({
      memberIds: [],
    });
    expect((await bystander.client.get(`/groups/${fixture.groupId}/messages`)).status).toBe(200);
    const notes = await app.dataSource.query('SELECT COUNT(*) AS n FROM member_notes WHERE group_id = ?', [
      fixture.groupId,
    ]);
    expect(Number(notes[0].n)).toBe(0);
    expect(
      (await f.post(`/reports/${report.body.id}/resolve`, { resolution: 'actioned', action: 'mute', minutes: 5 }))
        .status,
    ).toBe(409);
    expect(
      (
        await f.post(`/reports/${report.body.id}/resolve`, {
          resolution: 'actioned',
          action: 'remove-message',
          note: 'væk',
        })
      ).status,
    ).toBe(200);
    expect((await f.post(`/safety/${alert.body.id}/resolve`, {})).status).toBe(200);
  });
});
