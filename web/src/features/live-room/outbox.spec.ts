import type { Message } from '@tryg/shared';
import { claimEcho, newEntry, nextQueued, requeueInFlight, settle, updateEntry, visibleEntries } from './outbox';

function stored(change: Partial<Message>): Message {
  return {
    id: 'm1',
    groupId: 'g',
    seq: 1,
    memberId: 'me',
    displayName: 'Mig',
    role: 'member',
    body: 'hej',
    contentWarning: null,
    status: 'delivered',
    removed: null,
    createdAt: '2026-03-24T17:00:00.000Z',
    ...change,
  };
}

describe('outbox', () => {
  it('sends in the order written', () => {
    const outbox = [newEntry('c1', 'første', null), newEntry('c2', 'anden', null)];
    expect(nextQueued(outbox)?.clientMessageId).toBe('c1');
    expect(nextQueued(updateEntry(outbox, 'c1', { state: 'failed' }))?.clientMessageId).toBe('c2');
  });

  it('drops entries whose client id came back on a stored message (answer, or catch-up after a drop)', () => {
    const outbox = [newEntry('c1', 'hej', null), newEntry('c2', 'igen', null)];
    expect(settle(outbox, [stored({ clientMessageId: 'c1' })]).map((e) => e.clientMessageId)).toEqual(['c2']);
    // Others' messages (no client id) change nothing.
    expect(settle(outbox, [stored({ memberId: 'other' })])).toBe(outbox);
  });

  it('matches my live copy to the sending entry so it is not shown twice before the answer', () => {
    const outbox = [{ ...newEntry('c1', 'hej', null), state: 'sending' as const }];
    const claimed = claimEcho(outbox, stored({}), 'me');
    expect(claimed[0].echoId).toBe('m1');
    expect(visibleEntries(claimed)).toEqual([]);
    // Not mine, or different text: no match.
    expect(claimEcho(outbox, stored({ memberId: 'other' }), 'me')).toBe(outbox);
    expect(claimEcho(outbox, stored({ body: 'andet' }), 'me')).toBe(outbox);
    // Queued (not yet sent) entries are never matched.
    expect(claimEcho([newEntry('c1', 'hej', null)], stored({}), 'me')[0].echoId).toBeNull();
  });

  it('puts unanswered sends back in the queue after a drop, keeping their client ids', () => {
    const outbox = [
      { ...newEntry('c1', 'a', null), state: 'sending' as const, echoId: 'm1' },
      { ...newEntry('c2', 'b', null), state: 'failed' as const },
    ];
    expect(requeueInFlight(outbox)).toEqual([{ ...outbox[0], state: 'queued', echoId: null }, outbox[1]]);
  });
});
