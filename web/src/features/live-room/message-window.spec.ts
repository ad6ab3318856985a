import type { Message } from '@tryg/shared';
import { afterScroll, FOLLOWING, hold, showEarlier, sliceWindow, WINDOW_MAX } from './message-window';

const messages: Message[] = Array.from({ length: 3000 }, (_, i) => ({
  id: `m${i + 1}`,
  groupId: 'g',
  seq: (i + 1) * 2,
  memberId: 'a',
  displayName: 'Alfa',
  role: 'member',
  body: 'x',
  contentWarning: null,
  status: 'delivered',
  removed: null,
  createdAt: '2026-03-24T17:00:00.000Z',
}));

describe('message window', () => {
  const slackPx = 48;

  it('stops following only when the reader scrolls up, away from the bottom', () => {
    const up = afterScroll(messages, FOLLOWING, { fromBottomPx: 400, movedUp: true, slackPx });
    expect(up).toMatchObject({ endSeq: 6000, seenSeq: 6000 });
    // Within the slack of the bottom, scrolling up still follows.
    expect(afterScroll(messages, FOLLOWING, { fromBottomPx: 20, movedUp: true, slackPx })).toBe(FOLLOWING);
  });

  it('keeps following when the view moved down or not at all, however far from the bottom (a cue appeared above it)', () => {
    // Our own jump to the newest message, dispatched after the view shrank by a live cue's height:
    // the next message must still be shown, not wait below.
    const after = afterScroll(messages, FOLLOWING, { fromBottomPx: 90, movedUp: false, slackPx });
    expect(after).toBe(FOLLOWING);
    expect(sliceWindow([...messages, { ...messages[0], id: 'new', seq: 6002 }], after).items.at(-1)?.id).toBe('new');
  });

  it('follows again when the reader comes back to the bottom, and stays put while they read above it', () => {
    const held = hold(messages.slice(0, 2000), { ...FOLLOWING, size: 200 });
    expect(afterScroll(messages, held, { fromBottomPx: 10, movedUp: false, slackPx })).toEqual({ ...FOLLOWING, size: 200 });
    expect(afterScroll(messages, held, { fromBottomPx: 300, movedUp: false, slackPx })).toBe(held);
    expect(afterScroll(messages, held, { fromBottomPx: 600, movedUp: true, slackPx })).toBe(held);
  });

  it('shows only the newest messages while following, however many there are', () => {
    const slice = sliceWindow(messages, FOLLOWING);
    expect(slice.items.length).toBe(FOLLOWING.size);
    expect(slice.items.at(-1)?.id).toBe('m3000');
    expect(slice).toMatchObject({ hiddenAbove: 3000 - FOLLOWING.size, hiddenBelow: 0 });
  });

  it('holds still while someone reads further up: new messages wait below', () => {
    const held = hold(messages.slice(0, 2000), FOLLOWING);
    const slice = sliceWindow(messages, held);
    expect(slice.items.at(-1)?.id).toBe('m2000');
    expect(slice).toMatchObject({ hiddenBelow: 1000, newBelow: 1000 });
    // Going further back hides more below, but only what arrived since counts as new.
    const back = showEarlier(messages, showEarlier(messages, showEarlier(messages, held)));
    expect(sliceWindow(messages, back)).toMatchObject({ hiddenBelow: 1100, newBelow: 1000 });
  });

  it('never puts more than WINDOW_MAX messages in the page when going back', () => {
    let window = FOLLOWING;
    for (let step = 0; step < 20; step += 1) {
      window = showEarlier(messages, hold(messages, window));
      expect(sliceWindow(messages, window).items.length).toBeLessThanOrEqual(WINDOW_MAX);
    }
    const slice = sliceWindow(messages, window);
    // Twenty steps of 100 back from the newest: the oldest shown is 2,100 messages back.
    expect(slice.items[0].id).toBe('m901');
    expect(slice.items.length).toBe(WINDOW_MAX);
  });
});
