import type request from 'supertest';
import { startMeetingNow } from '../support/chat-fixtures';
import { addApprovedParticipant, createGroupFixture, type GroupFixture, type Participant } from '../support/groups';
import { idsAside, LeakRecorder } from '../support/leak-recorder';
import { recordAll, type Heard } from '../support/listening-room';
import { joinRoom, sendMessage, settle } from '../support/moderation-fixtures';
import { ask, connectChat, eventually, type ChatClient } from '../support/sockets';
import { type Client, signInAdmin, startTestApp, type TestApp } from '../support/test-app';

type Presence = { members: Array<{ memberId: string; displayName: string }> };
type JoinAck = { ok: boolean; code?: string; messages?: unknown[] };

/**
 * CONTRACT "Who may listen" / TESTING "Nothing leaks": while a `knows-member` alert is open, the two
 * members are hidden from each other. Everything one of them (the recorded member) gets during a
 * scripted session is recorded — every event on their sockets, every HTTP answer and
 * acknowledgement — and searched for the other's member id and names. The recorder is first shown
 * to find a visible third member in the same recording; the third member hears both throughout;
 * and whatever the recorded member asks about the other is answered exactly as for a member who
 * left (status and body, ids aside).
 *
 * Run twice: recording the member the alert is about, and recording the member who raised it.
 */
describe('a hidden pair: nothing leaks', () => {
  let app: TestApp;
  let admin: Client;
  const sockets: ChatClient[] = [];

  beforeAll(async () => {
    app = await startTestApp();
    admin = await signInAdmin(app);
  });
  afterAll(async () => {
    for (const s of sockets.splice(0)) s.close();
    await app.close();
  });

  for (const recorded of ['the member it is about', 'the member who raised it'] as const) {
    describe(`recording ${recorded}`, () => {
      let fixture: GroupFixture;
      let group: (path: string) => string;
      /** The recorded member. */
      let me: Participant;
      /** The one hidden from them. */
      let other: Participant;
      /** A member who left, in the same relation to `me` as `other` (for "answered as for one who left"). */
      let gone: Participant;
      let third: Participant;
      const rec = new LeakRecorder();
      let thirdHeard: Heard[];
      let thirdFrom = 0;
      const otherNames = ['Solvej', 'Solsikke'];
      const myName = 'Rikke';
      /** Answers about the other and about the member who left, side by side. */
      const pairs: Record<string, { hidden: request.Response; left: request.Response }> = {};
      const joinAfter: Partial<Record<'hidden' | 'left', JoinAck>> = {};
      let otherEarlier: string;
      let goneEarlier: string;
      const said: Record<string, string> = {};

      /** `a` raises "I think I know this person" about `b`. */
      async function knows(a: Participant, b: Participant): Promise<void> {
        const res = await a.client.post(group('/safety'), { kind: 'knows-member', aboutMemberId: b.memberId });
        expect(res.status).toBe(201);
      }

      beforeAll(async () => {
        fixture = await createGroupFixture(app, admin, { requireFacilitator: false, capacity: 20 });
        group = (path: string) => `/groups/${fixture.groupId}${path}`;
        me = await addApprovedParticipant(app, fixture, { displayName: myName });
        other = await addApprovedParticipant(app, fixture, { displayName: otherNames[0] });
        gone = await addApprovedParticipant(app, fixture, { displayName: 'Gunnar' });
        third = await addApprovedParticipant(app, fixture, { displayName: 'Tove' });
        await startMeetingNow(app, fixture, 600);

        const mySocket = await joinRoom(app, me.client, fixture.groupId, sockets);
        const otherSocket = await joinRoom(app, other.client, fixture.groupId, sockets);
        const thirdSocket = await joinRoom(app, third.client, fixture.groupId, sockets);
        thirdHeard = recordAll(thirdSocket);
        const goneSocket = await connectChat(app, gone.client);
        sockets.push(goneSocket);
        // Written while everyone could see everyone: `me` knows these ids from then.
        otherEarlier = (await sendMessage(otherSocket, fixture.groupId, 'Skrevet før')).message!.id;
        goneEarlier = (await sendMessage(goneSocket, fixture.groupId, 'Også skrevet før')).message!.id;

        // The same relation to `me` for the one who leaves and for the other, then the leaving.
        if (recorded === 'the member it is about') await knows(gone, me);
        else await knows(me, gone);
        expect((await gone.client.delete(group('/membership'))).status).toBe(204);
        const myHeard = recordAll(mySocket);
        if (recorded === 'the member it is about') await knows(other, me);
        else await knows(me, other);

        // The hide is in force before the answer; its presence update has been sent to `me` by then.
        await eventually(() => {
          const last = myHeard.filter((h) => h.event === 'member:presence').at(-1)?.payload as Presence | undefined;
          return !!last && !last.members.some((m) => m.memberId === other.memberId);
        });
        await settle(50);

        // --- The recorded session starts here. ------------------------------------------------
        rec.watch(mySocket, 'socket-1');
        thirdFrom = thirdHeard.length;

        // The other: sends, types, deletes their own message, has one removed by a facilitator,
        // renames, leaves the room and joins it again.
        said.otherFirst = (await sendMessage(otherSocket, fixture.groupId, 'Hej fra den anden')).message!.id;
        await ask(otherSocket, 'typing', { groupId: fixture.groupId });
        expect((await other.client.delete(group(`/messages/${said.otherFirst}`))).status).toBe(204);
        said.otherSecond = (await sendMessage(otherSocket, fixture.groupId, 'Det her fjernes')).message!.id;
        expect((await fixture.facilitator.client.delete(group(`/messages/${said.otherSecond}`), { reason: 'Grov tone' })).status).toBe(204);
        expect((await other.client.patch(group('/membership'), { displayName: otherNames[1] })).status).toBe(200);
        await ask(otherSocket, 'room:leave', { groupId: fixture.groupId });
        await ask(otherSocket, 'room:join', { groupId: fixture.groupId });

        // The third member (visible to both) talks too: the canary of this recording.
        said.third = (await sendMessage(thirdSocket, fixture.groupId, 'Hej fra Tove')).message!.id;
        await ask(thirdSocket, 'typing', { groupId: fixture.groupId });

        // The recorded member: talks, types, looks around, rejoins, and asks about the other.
        said.mine = rec.ack('send', await sendMessage(mySocket, fixture.groupId, 'Hej fra mig')).message!.id;
        rec.ack('typing', await ask(mySocket, 'typing', { groupId: fixture.groupId }));
        rec.response('GET members', await me.client.get(group('/members')));
        rec.response('GET messages', await me.client.get(group('/messages')));
        rec.response('GET meetings', await me.client.get(group('/meetings')));
        const second = rec.watch(await connectChat(app, me.client), 'socket-2');
        sockets.push(second);
        rec.ack('join', await ask<JoinAck>(second, 'room:join', { groupId: fixture.groupId }));

        const both = async (label: string, call: (about: Participant, earlier: string) => Promise<request.Response>) => {
          const hidden = rec.response(`${label} (hidden)`, await call(other, otherEarlier), [other.memberId, otherEarlier, ...otherNames]);
          const left = rec.response(`${label} (left)`, await call(gone, goneEarlier), [gone.memberId, goneEarlier, 'Gunnar']);
          pairs[label] = { hidden, left };
        };
        await both('GET member', (about) => me.client.get(group(`/members/${about.memberId}`)));
        await both('GET messages after', (_about, earlier) => me.client.get(group(`/messages?after=${earlier}`)));
        await both('GET messages before', (_about, earlier) => me.client.get(group(`/messages?before=${earlier}`)));
        for (const [label, about, earlier] of [
          ['hidden', other, otherEarlier],
          ['left', gone, goneEarlier],
        ] as const) {
          const ack = rec.ack(`join after (${label})`, await ask<JoinAck>(second, 'room:join', { groupId: fixture.groupId, afterMessageId: earlier }), [
            earlier,
            about.memberId,
          ]);
          joinAfter[label] = ack;
        }
        await both('report', (_about, earlier) => me.client.post(group(`/messages/${earlier}/report`), { category: 'harassment' }));
        await both('knows-member', (about) => me.client.post(group('/safety'), { kind: 'knows-member', aboutMemberId: about.memberId }));
        await both('ignore', (about) => me.client.put(group('/membership/ignored'), { memberIds: [about.memberId] }));
        rec.response('ignore none', await me.client.put(group('/membership/ignored'), { memberIds: [] }));
        await both('rename to their name', (about) => me.client.patch(group('/membership'), { displayName: about === other ? otherNames[1] : 'Gunnar' }));
        rec.response('rename back', await me.client.patch(group('/membership'), { displayName: myName }));

        // The third member heard both; give anything that would reach `me` the time to arrive.
        await eventually(() => JSON.stringify(thirdHeard.slice(thirdFrom)).includes(said.mine));
        await settle(150);
      }, 30_000);

      it('the recorder works: it finds the visible third member’s name and id in the same recording', () => {
        expect(rec.find('Tove').length).toBeGreaterThan(0);
        expect(rec.find(third.memberId).length).toBeGreaterThan(0);
        expect(rec.text()).toContain('Hej fra Tove');
        expect(rec.entries.some((e) => e.what === 'socket-1 member:typing')).toBe(true);
      });

      it('finds no trace of the other: not their member id, not their names, nothing they wrote', () => {
        for (const needle of [other.memberId, other.accountId, ...otherNames, 'Hej fra den anden', 'Det her fjernes', 'Grov tone']) {
          expect([needle, rec.find(needle)]).toEqual([needle, []]);
        }
        // Nothing about their messages either (the removals included).
        for (const id of [said.otherFirst, said.otherSecond]) expect([id, rec.find(id)]).toEqual([id, []]);
      });

      it('the third member, hidden from neither, hears both of them throughout', () => {
        const heard = thirdHeard.slice(thirdFrom);
        const text = JSON.stringify(heard);
        for (const id of [said.otherFirst, said.otherSecond, said.mine]) expect(text).toContain(id);
        const typing = heard.filter((h) => h.event === 'member:typing').map((h) => (h.payload as { memberId: string }).memberId);
        expect(typing).toEqual(expect.arrayContaining([other.memberId, me.memberId]));
        const removed = heard.filter((h) => h.event === 'message:removed').map((h) => (h.payload as { message: { id: string } }).message.id);
        expect(removed).toEqual(expect.arrayContaining([said.otherFirst, said.otherSecond]));
        const presence = heard.filter((h) => h.event === 'member:presence').map((h) => (h.payload as Presence).members.map((m) => m.memberId));
        expect(presence.some((ids) => ids.includes(other.memberId) && ids.includes(me.memberId))).toBe(true);
      });

      it('answers about the other exactly as about a member who left (ids aside)', () => {
        for (const [label, { hidden, left }] of Object.entries(pairs)) {
          if (label === 'rename to their name') continue;
          expect([label, idsAside(hidden)]).toEqual([label, idsAside(left)]);
        }
        expect({ ok: joinAfter.hidden?.ok, code: joinAfter.hidden?.code }).toEqual({ ok: joinAfter.left?.ok, code: joinAfter.left?.code });
      });

      it('a name conflict with the other is answered exactly as with the name of a member who left', () => {
        const { hidden, left } = pairs['rename to their name'];
        expect(idsAside(hidden)).toEqual(idsAside(left));
      });
    });
  }

  it('sends neither of the two a presence update when only the other came or went (an update with nothing new would say so)', async () => {
    const fixture = await createGroupFixture(app, admin, { requireFacilitator: false, capacity: 20 });
    const a = await addApprovedParticipant(app, fixture, { displayName: 'Asta' });
    const b = await addApprovedParticipant(app, fixture, { displayName: 'Bodil' });
    const c = await addApprovedParticipant(app, fixture, { displayName: 'Cilla' });
    await startMeetingNow(app, fixture, 600);
    const heard = recordAll(await joinRoom(app, a.client, fixture.groupId, sockets));
    const res = await a.client.post(`/groups/${fixture.groupId}/safety`, { kind: 'knows-member', aboutMemberId: b.memberId });
    expect(res.status).toBe(201);
    await settle();
    const from = heard.length;
    const presenceSince = () => heard.slice(from).filter((h) => h.event === 'member:presence');

    const bSocket = await joinRoom(app, b.client, fixture.groupId, sockets);
    await settle();
    bSocket.close();
    await settle();
    expect(presenceSince()).toEqual([]);

    // The recorder hears a visible member come.
    await joinRoom(app, c.client, fixture.groupId, sockets);
    await eventually(() => presenceSince().length > 0);
    expect(JSON.stringify(presenceSince())).toContain(c.memberId);
    expect(JSON.stringify(heard.slice(from))).not.toContain(b.memberId);
  });
});
