import fc from 'fast-check';
import type { Socket } from 'socket.io-client';
import { CONTENT_WARNING_MAX, MESSAGE_MAX_CODE_POINTS, type ClientToServerEvents, type Message } from '@tryg/shared';
import { errorLines, INTERNALS, recordBroadcasts, rowFingerprint, watchUnhandledRejections } from '../support/bad-input-checks';
import { newClientId, startMeetingNow } from '../support/chat-fixtures';
import { FUZZ_SEED, holdsNotPlainText, oddValue, textWithin } from '../support/fuzz-inputs';
import { addApprovedParticipant, createGroupFixture, type GroupFixture, type Participant } from '../support/groups';
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
 * connected, the answer holds no stack trace, nothing is stored or broadcast, no rejection goes
 * unhandled, and nothing reaches the error log.
 */
describe(`fuzzing every socket event payload (fast-check seed ${FUZZ_SEED})`, () => {
  let app: TestApp;
  let fixture: GroupFixture;
  let member: Participant;
  let sender: ChatClient;
  let listener: ChatClient;
  let broadcasts: ReturnType<typeof recordBroadcasts>;
  const sockets: ChatClient[] = [];
  const unhandled = watchUnhandledRejections();

  beforeAll(async () => {
    app = await startTestApp();
    fixture = await createGroupFixture(app, await signInAdmin(app), { requireFacilitator: false });
    member = await addApprovedParticipant(app, fixture);
    const other = await addApprovedParticipant(app, fixture);
    await startMeetingNow(app, fixture);
    sender = await joinRoom(app, member.client, fixture.groupId, sockets);
    listener = await joinRoom(app, other.client, fixture.groupId, sockets);
    // Presence is sent to the room whenever anyone's sockets come or go, whatever they sent.
    broadcasts = recordBroadcasts([listener], ['member:presence']);
  });
  afterAll(async () => {
    unhandled.stop();
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
    const before = await rowFingerprint(app.dataSource);
    broadcasts.clear();
    await fc.assert(
      fc.asyncProperty(payloads, async (payload) => {
        const ack = (await (sender as unknown as Socket).timeout(5000).emitWithAck(event, payload)) as Ack;
        expect([event, ack.ok ? 'ok' : ack.code]).toEqual([event, expect.stringMatching(new RegExp(`^(${answers.join('|')})$`))]);
        if (!ack.ok) expect(typeof ack.message).toBe('string');
        expect(JSON.stringify(ack)).not.toMatch(INTERNALS);
        expect(sender.connected).toBe(true);
      }),
      { seed: FUZZ_SEED, numRuns: 40, endOnFailure: true },
    );
    expect(await rowFingerprint(app.dataSource)).toBe(before);
    await new Promise((r) => setTimeout(r, 100));
    expect(broadcasts.heard).toEqual([]);
    expect(unhandled.rejections).toEqual([]);
    expect(errorLines(app.logs)).toEqual([]);
  });

  /**
   * A valid message, at the length limits and with bidi, zero-width, combining and astral
   * characters, is acknowledged and stored as given (trimmed): the ack, the listener's copy and the
   * history read back from the database hold the same text. One holding a lone surrogate or a
   * control character but newline and tab is refused with VALIDATION and stored nowhere.
   */
  it('message:send: valid text at the limits is stored as given; text plain text cannot hold is refused', async () => {
    const received = new Map<string, string | null>();
    const delivered = new Map<string, string>();
    (listener as unknown as Socket).on('message:new', ({ message }: { message: Message }) => received.set(message.id, message.body));
    const payloads = fc.record(
      {
        // Chat text breaks lines with \n only (CONTRACT): a carriage return is one of the refused controls there.
        body: textWithin(1, MESSAGE_MAX_CODE_POINTS).map((text) => text.replace(/\r/g, '\n')),
        contentWarning: textWithin(0, CONTENT_WARNING_MAX).map((text) => text.replace(/\r/g, '\n')),
      },
      { requiredKeys: ['body'] },
    );
    let accepted = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(payloads, async ({ body, contentWarning }) => {
        // Under the send limit (10 per 2 s per account).
        await new Promise((r) => setTimeout(r, 220));
        const before = await rowFingerprint(app.dataSource);
        const payload = { groupId: fixture.groupId, clientMessageId: newClientId(), body, confirmIdentifying: true, ...(contentWarning === undefined ? {} : { contentWarning }) };
        const ack = (await (sender as unknown as Socket).timeout(5000).emitWithAck('message:send', payload)) as Ack & { message?: Message };
        expect(JSON.stringify(ack)).not.toMatch(INTERNALS);
        const plain = !holdsNotPlainText([body, contentWarning ?? '']);
        if (!plain) {
          expect([ack.ok, ack.code]).toEqual([false, 'VALIDATION']);
          expect(await rowFingerprint(app.dataSource)).toBe(before);
          refused += 1;
          return;
        }
        expect([ack.ok, ack.code]).toEqual([true, undefined]);
        expect(ack.message!.body).toBe(body.trim());
        expect(ack.message!.contentWarning).toBe(contentWarning?.trim() || null);
        const history = await member.client.get(`/groups/${fixture.groupId}/messages?limit=5`);
        expect(history.status).toBe(200);
        const stored = (history.body.items as Message[]).find((m) => m.id === ack.message!.id);
        expect([stored?.body, stored?.contentWarning]).toEqual([body.trim(), contentWarning?.trim() || null]);
        // A message the watch list holds reaches the facilitators only.
        if (ack.message!.status === 'delivered') delivered.set(ack.message!.id, body.trim());
        accepted += 1;
      }),
      { seed: FUZZ_SEED, numRuns: 20, endOnFailure: true },
    );
    await new Promise((r) => setTimeout(r, 100));
    // The listener got each delivered message, as given, and no refused one.
    expect(received).toEqual(delivered);
    expect(accepted).toBeGreaterThan(3);
    expect(refused).toBeGreaterThan(0);
    expect(unhandled.rejections).toEqual([]);
    expect(errorLines(app.logs)).toEqual([]);
  }, 60_000);
});
