import type { Floor } from '@tryg/shared';
import { addApprovedParticipant, createGroupFixture } from '../support/groups';
import { startMeetingNow } from '../support/chat-fixtures';
import { ask, connectChat, type ChatClient } from '../support/sockets';
import { type Client, signInAdmin, startTestApp, type TestApp } from '../support/test-app';

/** The talking order as an attacker tries it: a member taking over the floor, an outsider reading it. */
describe('talking order attacks', () => {
  let app: TestApp;
  let admin: Client;
  const sockets: ChatClient[] = [];

  beforeAll(async () => {
    app = await startTestApp();
    admin = await signInAdmin(app);
  });
  afterEach(() => {
    for (const s of sockets.splice(0)) s.close();
  });
  afterAll(() => app.close());

  async function inRoom(client: Client, groupId: string): Promise<void> {
    const socket = await connectChat(app, client);
    sockets.push(socket);
    expect(await ask(socket, 'room:join', { groupId })).toMatchObject({ ok: true });
  }

  it('lets a member neither give, reorder or end another’s turn, nor start or end a round — changing nothing', async () => {
    const fixture = await createGroupFixture(app, admin, { requireFacilitator: false });
    await startMeetingNow(app, fixture, 600);
    const speaker = await addApprovedParticipant(app, fixture);
    const pusher = await addApprovedParticipant(app, fixture);
    for (const m of [speaker, pusher]) await inRoom(m.client, fixture.groupId);
    await inRoom(fixture.facilitator.client, fixture.groupId);
    const round = (
      await fixture.facilitator.client.post(`/groups/${fixture.groupId}/rounds`, { kind: 'check-in', keepOrder: true })
    ).body as Floor;
    const path = (rest: string) => `/groups/${fixture.groupId}${rest}`;
    const before = (await speaker.client.get(path('/floor'))).body as Floor;
    const actingAsMember = pusher.memberId === round.speaking ? speaker : pusher;
    const attempts: Array<[string, () => Promise<{ status: number }>]> = [
      ['give to self', () => actingAsMember.client.post(path('/floor/give'), { memberId: actingAsMember.memberId })],
      ['give next', () => actingAsMember.client.post(path('/floor/give'), {})],
      ['end another’s turn', () => actingAsMember.client.post(path('/floor/done'))],
      [
        'reorder',
        () =>
          actingAsMember.client.put(path('/rounds/current/order'), { memberIds: [...before.round!.order].reverse() }),
      ],
      ['start a round', () => actingAsMember.client.post(path('/rounds'), { kind: 'round' })],
      ['end the round', () => actingAsMember.client.delete(path('/rounds/current'))],
    ];
    for (const [what, attempt] of attempts) expect([what, (await attempt()).status]).toEqual([what, 403]);
    expect((await speaker.client.get(path('/floor'))).body).toEqual(before);
  });

  it('answers a member of another group 404 on every floor route, exactly as for a group that does not exist', async () => {
    const fixture = await createGroupFixture(app, admin, { requireFacilitator: false });
    await startMeetingNow(app, fixture, 600);
    const member = await addApprovedParticipant(app, fixture);
    await inRoom(member.client, fixture.groupId);
    await member.client.post(`/groups/${fixture.groupId}/floor/hand`, { raised: true });
    const other = await createGroupFixture(app, admin, { requireFacilitator: false });
    const outsider = await addApprovedParticipant(app, other);
    const routes = (groupId: string): Array<[string, (c: Client) => Promise<{ status: number; body: unknown }>]> => [
      ['read', (c) => c.get(`/groups/${groupId}/floor`)],
      ['hand', (c) => c.post(`/groups/${groupId}/floor/hand`, { raised: true })],
      ['done', (c) => c.post(`/groups/${groupId}/floor/done`)],
      ['give', (c) => c.post(`/groups/${groupId}/floor/give`, {})],
      ['round', (c) => c.post(`/groups/${groupId}/rounds`, { kind: 'check-in' })],
      ['order', (c) => c.put(`/groups/${groupId}/rounds/current/order`, { memberIds: [] })],
      ['end', (c) => c.delete(`/groups/${groupId}/rounds/current`)],
    ];
    const missing = routes('00000000-0000-4000-8000-000000000000');
    for (const [what, call] of routes(fixture.groupId)) {
      const res = await call(outsider.client);
      const none = await missing.find(([w]) => w === what)![1](outsider.client);
      expect([what, res.status, res.body]).toEqual([what, 404, none.body]);
    }
    for (const client of [other.facilitator.client]) {
      expect((await client.post(`/groups/${fixture.groupId}/floor/give`, {})).status).toBe(404);
    }
    expect(((await member.client.get(`/groups/${fixture.groupId}/floor`)).body as Floor).hands).toEqual([
      member.memberId,
    ]);
  });

  it('refuses to start a round while an open "I think I know this person" alert concerns two members present', async () => {
    const fixture = await createGroupFixture(app, admin, { requireFacilitator: false });
    await startMeetingNow(app, fixture, 600);
    const a = await addApprovedParticipant(app, fixture);
    const b = await addApprovedParticipant(app, fixture);
    for (const m of [a, b]) await inRoom(m.client, fixture.groupId);
    const alert = await a.client.post(`/groups/${fixture.groupId}/safety`, {
      kind: 'knows-member',
      aboutMemberId: b.memberId,
    });
    expect(alert.status).toBe(201);
    const refused = await fixture.facilitator.client.post(`/groups/${fixture.groupId}/rounds`, { kind: 'check-in' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('CONFLICT');
    expect(JSON.stringify(refused.body)).not.toContain(a.memberId);
    expect(JSON.stringify(refused.body)).not.toContain(b.memberId);
    // Once a facilitator resolved it, the round starts.
    expect(
      (await fixture.facilitator.client.post(`/safety/${alert.body.id}/resolve`, { note: 'Talt med begge' })).status,
    ).toBe(200);
    expect(
      (await fixture.facilitator.client.post(`/groups/${fixture.groupId}/rounds`, { kind: 'check-in' })).status,
    ).toBe(201);
  });
});
