import type { Message } from '@tryg/shared';
import { EMPTY_TIMELINE, lastMessageId, mergeMessages, tombstone, unseen } from './timeline';

function message(seq: number, change: Partial<Message> = {}): Message {
  return {
    id: `m${seq}`,
    groupId: 'g',
    seq,
    memberId: 'a',
    displayName: 'Alfa',
    role: 'member',
    body: `text ${seq}`,
    contentWarning: null,
    status: 'delivered',
    removed: null,
    createdAt: new Date(seq * 1000).toISOString(),
    ...change,
  };
}

const seqs = (messages: readonly Message[]) => messages.map((m) => m.seq);

describe(mergeMessages.name, () => {
  it('keeps seq order and one copy per id, whatever order things arrive in', () => {
    let messages = mergeMessages([], [message(3), message(1)]);
    messages = mergeMessages(messages, [message(2), message(3), message(5)]);
    messages = mergeMessages(messages, [message(4), message(1), message(5)]);
    expect(seqs(messages)).toEqual([1, 2, 3, 4, 5]);
    expect(new Set(messages.map((m) => m.id)).size).toBe(5);
  });

  it('appends new messages without copying the old ones one by one (same objects kept)', () => {
    const before = mergeMessages([], [message(1), message(2)]);
    const after = mergeMessages(before, [message(3)]);
    expect(after[0]).toBe(before[0]);
    expect(seqs(after)).toEqual([1, 2, 3]);
    expect(mergeMessages(after, [])).toBe(after);
  });

  it('replaces a message with its newer copy, but a removal is final', () => {
    const original = mergeMessages([], [message(1), message(2)]);
    const removed = mergeMessages(original, [message(2, { removed: 'author', body: null })]);
    expect(removed[1]).toMatchObject({ removed: 'author', body: null });
    // A stale copy (e.g. in a catch-up that raced the removal) does not bring the text back.
    const stale = mergeMessages(removed, [message(2)]);
    expect(stale[1]).toMatchObject({ removed: 'author', body: null });
  });

  it("keeps the author's client id when a live copy without it arrives", () => {
    const mine = mergeMessages([], [message(1, { clientMessageId: 'c1' })]);
    const after = mergeMessages(mine, [message(1, { status: 'delivered' })]);
    expect(after[0].clientMessageId).toBe('c1');
  });

  it('handles thousands of messages arriving out of order', () => {
    const all = Array.from({ length: 5000 }, (_, i) => message(i + 1));
    const shuffled = [...all].sort((a, b) => ((a.seq * 7919) % 5003) - ((b.seq * 7919) % 5003));
    let messages: readonly Message[] = [];
    for (let i = 0; i < shuffled.length; i += 250) messages = mergeMessages(messages, shuffled.slice(i, i + 250));
    messages = mergeMessages(messages, all.slice(100, 900));
    expect(seqs(messages)).toEqual(all.map((m) => m.seq));
  });
});

describe('timeline helpers', () => {
  it('catches up from the last message it has', () => {
    expect(lastMessageId(EMPTY_TIMELINE)).toBeNull();
    expect(lastMessageId({ messages: [message(1), message(7)], hasEarlier: false })).toBe('m7');
  });

  it('tells which of a batch are new', () => {
    const timeline = { messages: [message(1), message(2)], hasEarlier: false };
    expect(unseen(timeline, [message(2), message(3)]).map((m) => m.id)).toEqual(['m3']);
  });

  it('tombstones a deleted message locally', () => {
    const timeline = tombstone({ messages: [message(1, { contentWarning: 'cw' })], hasEarlier: false }, 'm1');
    expect(timeline.messages[0]).toMatchObject({ body: null, contentWarning: null, removed: 'author' });
  });
});
