import fc from 'fast-check';
import type { Socket } from 'socket.io-client';
import type { ClientToServerEvents } from '@tryg/shared';
import { newClientId, startMeetingNow } from '../support/chat-fixtures';
import { FUZZ_SEED, oddValue } from '../support/fuzz-inputs';
import { addApprovedParticipant, createGroupFixture, type GroupFixture } from '../support/groups';
import { joinRoom } from '../support/moderation-fixtures';
import type { ChatClient } from '../support/sockets';
import { signInAdmin, startTestApp, type TestApp } from '../support/test-app';

type Payload<E extends keyof ClientToServerEvents> = Parameters<ClientToServerEvents[E]>[0];
type Ack = { ok: boolean; code?: string; message?: unknown };

/** Under the 64 KB frame limit (a bigger frame closes the socket, by contract, and is tested elsewhere). */
const framed = oddValue.filter((value) => (JSON.stringify(value) ?? '').length < 60_000);

/** A field broken so the payload is certainly invalid: wrong type, not a UUID, too long, a control character. */
const brokenId = fc.oneof(fc.constantFrom('', 'not-a-uuid', '00000000-0000-4000-8000-00000000000G', 42, null, [], {}), framed.filter((v) => typeof v !== 'string' || !/^[0-9a-f-]{36}$/i.test(v)));
const brokenBody = fc.oneof(
  fc.constantFrom('', '   ', '\n\t', 42, null, ['hej'], { text: 'hej' }, 'a\u0000b', 'x'.repeat(4001), '𝕏'.repeat(4001), 'ok\u0007'),
);

/**
 * Every client → server event, fuzzed from the shared event types: each generator is typed by the
 * event's payload, and the record must name every event (adding one without a fuzzer fails to
 * compile). A broken payload is refused (VALIDATION) or quietly ignored (typing), the socket stays
 * connected, nothing is stored or broadcast, and nothing reaches the error log.
 */
describe(`fuzzing every socket event payload (fast-check seed ${FUZZ_SEED})`, () => {
  let app: TestApp;
  let fixture: GroupFixture;
  let sender: ChatClient;
  let listener: ChatClient;
  const heard: string[] = [];
  const sockets: ChatClient[] = [];

  beforeAll(async () => {
    app = await startTestApp();
    fixture = await createGroupFixture(app, await signInAdmin(app), { requireFacilitator: false });
    const member = await addApprovedParticipant(app, fixture);
    const other = await addApprovedParticipant(app, fixture);
    await startMeetingNow(app, fixture);
    sender = await joinRoom(app, member.client, fixture.groupId, sockets);
    listener = await joinRoom(app, other.client, fixture.groupId, sockets);
    (listener as unknown as Socket).onAny((event: string) => heard.push(event));
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await app.close();
  });

  const anything = fc.oneof(framed, fc.constantFrom(undefined, 'room', 7, [1, 2]));
  const withExtra = <T extends object>(base: fc.Arbitrary<T>) =>
    fc.tuple(base, fc.option(fc.tuple(fc.constantFrom('isFacilitator', 'memberId', '__proto__', 'seq'), framed))).map(([payload, extra]) =>
      extra ? { ...payload, [extra[0]]: extra[1] } : payload,
    );

  /** Per event: broken payloads, and the answers a broken payload may get. */
  const fuzzers = {
    'room:join': {
      payloads: fc.oneof(
        anything,
        withExtra(fc.record({ groupId: brokenId })),
        fc.constant(null).map((): Payload<'room:join'> | unknown => ({ groupId: fixture.groupId, afterMessageId: 'not-an-id' })),
      ),
      answers: ['VALIDATION', 'NOT_FOUND'],
    },
    'room:leave': { payloads: fc.oneof(anything, withExtra(fc.record({ groupId: brokenId }))), answers: ['VALIDATION'] },
    'message:send': {
      payloads: fc.oneof(
        anything,
        withExtra(
          fc.record({ groupId: fc.constant(null).map(() => fixture.groupId), clientMessageId: fc.constant(null).map(() => newClientId()), body: brokenBody }),
        ),
        withExtra(fc.record({ groupId: fc.constant(null).map(() => fixture.groupId), clientMessageId: brokenId, body: fc.constant('hej') })),
        fc.record({
          groupId: fc.constant(null).map(() => fixture.groupId),
          clientMessageId: fc.constant(null).map(() => newClientId()),
          body: fc.constant('hej'),
          contentWarning: fc.constantFrom(42, ['x'], 'x'.repeat(201), '\u202E'.repeat(300)),
          confirmIdentifying: fc.constantFrom('yes', 1, null, {}),
        }) as fc.Arbitrary<Payload<'message:send'> | Record<string, unknown>>,
      ),
      answers: ['VALIDATION'],
    },
    typing: { payloads: fc.oneof(anything, withExtra(fc.record({ groupId: brokenId }))), answers: ['ok'] },
    activity: { payloads: anything, answers: ['ok'] },
  } satisfies Record<keyof ClientToServerEvents, { payloads: fc.Arbitrary<unknown>; answers: string[] }>;

  it.each(Object.keys(fuzzers) as Array<keyof typeof fuzzers>)('%s: a broken payload is refused or ignored, and nothing happens', async (event) => {
    const { payloads, answers } = fuzzers[event];
    const stored = async () => Number((await app.dataSource.query('SELECT COUNT(*) AS n FROM messages'))[0].n);
    const before = await stored();
    heard.length = 0;
    await fc.assert(
      fc.asyncProperty(payloads, async (payload) => {
        const ack = (await (sender as unknown as Socket).timeout(5000).emitWithAck(event, payload)) as Ack;
        expect([event, ack.ok ? 'ok' : ack.code]).toEqual([event, expect.stringMatching(new RegExp(`^(${answers.join('|')})$`))]);
        if (!ack.ok) expect(typeof ack.message).toBe('string');
        expect(JSON.stringify(ack)).not.toMatch(/\bat .+:\d+:\d+|node_modules|Error:/);
        expect(sender.connected).toBe(true);
      }),
      { seed: FUZZ_SEED, numRuns: 40, endOnFailure: true },
    );
    expect(await stored()).toBe(before);
    await new Promise((r) => setTimeout(r, 100));
    expect(heard.filter((e) => e !== 'member:presence')).toEqual([]);
    expect(app.logs.lines.filter((line) => /"level":(50|60)/.test(line))).toEqual([]);
  });
});
