import type { Message } from '@tryg/shared';
import { newClientId, startMeetingNow } from '../support/chat-fixtures';
import { addApprovedParticipant, createGroupFixture, type GroupFixture, type Participant } from '../support/groups';
import { ask, type ChatClient, connectChat, next } from '../support/sockets';
import { type Client, signInAdmin, startTestApp, type TestApp } from '../support/test-app';

type SendAck = { ok: boolean; message?: Message };

/** `message.role` (CONTRACT "Who may listen"): from the writer's membership, never from their name. */
describe('the writer’s role on every message', () => {
  let app: TestApp;
  let admin: Client;
  let fixture: GroupFixture;
  let member: Participant;
  let reader: Participant;
  const sockets: ChatClient[] = [];

  beforeAll(async () => {
    app = await startTestApp();
    admin = await signInAdmin(app);
    fixture = await createGroupFixture(app, admin, { requireFacilitator: false });
    member = await addApprovedParticipant(app, fixture, { displayName: 'Mette Lund' });
    reader = await addApprovedParticipant(app, fixture);
    await startMeetingNow(app, fixture);
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await app.close();
  });

  async function open(client: Client): Promise<ChatClient> {
    const socket = await connectChat(app, client);
    sockets.push(socket);
    await ask(socket, 'room:join', { groupId: fixture.groupId });
    return socket;
  }

  it('says facilitator or member live, in the acknowledgement and in the history, and null for a former member', async () => {
    const readerSocket = await open(reader.client);
    const facilitatorSocket = await open(fixture.facilitator.client);
    const memberSocket = await open(member.client);

    const live = next<{ message: Message }>(readerSocket, 'message:new');
    const fromFacilitator = await ask<SendAck>(facilitatorSocket, 'message:send', {
      groupId: fixture.groupId,
      clientMessageId: newClientId(),
      body: 'Velkommen',
    });
    expect(fromFacilitator.message).toMatchObject({ displayName: 'Mette', role: 'facilitator' });
    expect((await live).message).toMatchObject({ id: fromFacilitator.message!.id, role: 'facilitator' });

    const fromMember = await ask<SendAck>(memberSocket, 'message:send', {
      groupId: fixture.groupId,
      clientMessageId: newClientId(),
      body: 'Hej',
    });
    expect(fromMember.message).toMatchObject({ displayName: 'Mette Lund', role: 'member' });

    const roles = async () => {
      const history = await reader.client.get(`/groups/${fixture.groupId}/messages`);
      expect(history.status).toBe(200);
      return history.body.items.map((m: Message) => [m.id, m.role]);
    };
    expect(await roles()).toEqual([
      [fromFacilitator.message!.id, 'facilitator'],
      [fromMember.message!.id, 'member'],
    ]);

    memberSocket.close();
    expect((await member.client.delete('/me', { password: member.password })).status).toBe(204);
    expect(await roles()).toEqual([
      [fromFacilitator.message!.id, 'facilitator'],
      [fromMember.message!.id, null],
    ]);
  });
});
