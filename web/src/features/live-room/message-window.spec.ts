import type { Message } from '@tryg/shared';
import { FOLLOWING, hold, showEarlier, sliceWindow, WINDOW_MAX } from './message-window';

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
