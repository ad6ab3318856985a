import type { Message } from '@tryg/shared';

/**
 * Which messages are in the page at once. A room can hold thousands; the page shows a bounded
 * window of them (never more than WINDOW_MAX), so it stays quick on an old phone.
 *
 * Following (`endSeq` null): the newest `size` messages; older ones leave the page as new ones come.
 * Held (`endSeq` set): the person scrolled up to read; the window stays put and new messages wait
 * below ("n new messages") instead of pushing the text away under them.
 */
export interface MessageWindow {
  endSeq: number | null;
  size: number;
  /** While held: the newest message there was when following stopped (what came after is "new"). */
  seenSeq: number | null;
}

export const WINDOW_INITIAL = 100;
export const WINDOW_STEP = 100;
export const WINDOW_MAX = 300;

export const FOLLOWING: MessageWindow = { endSeq: null, size: WINDOW_INITIAL, seenSeq: null };

export interface WindowSlice {
  items: readonly Message[];
  /** Loaded messages before the window. */
  hiddenAbove: number;
  /** Loaded messages after the window. */
  hiddenBelow: number;
  /** Messages that arrived after following stopped. */
  newBelow: number;
}

/** Index just after the last message with a seq ≤ `seq`. */
function indexAfter(messages: readonly Message[], seq: number): number {
  let low = 0;
  let high = messages.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (messages[middle].seq <= seq) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Index just after the window's last message. */
function endIndex(messages: readonly Message[], window: MessageWindow): number {
  return window.endSeq === null ? messages.length : indexAfter(messages, window.endSeq);
}

export function sliceWindow(messages: readonly Message[], window: MessageWindow): WindowSlice {
  const end = endIndex(messages, window);
  const start = Math.max(0, end - window.size);
  const newBelow = window.seenSeq === null ? 0 : messages.length - indexAfter(messages, window.seenSeq);
  return { items: messages.slice(start, end), hiddenAbove: start, hiddenBelow: messages.length - end, newBelow };
}

/** Stops following: the window keeps its current last message. */
export function hold(messages: readonly Message[], window: MessageWindow): MessageWindow {
  if (window.endSeq !== null) return window;
  const last = messages.at(-1);
  return last ? { endSeq: last.seq, size: window.size, seenSeq: last.seq } : window;
}

/** One step further back; beyond WINDOW_MAX the newest ones in the window leave it. */
export function showEarlier(messages: readonly Message[], window: MessageWindow): MessageWindow {
  const size = window.size + WINDOW_STEP;
  if (size <= WINDOW_MAX) return { ...window, size };
  const end = endIndex(messages, window) - (size - WINDOW_MAX);
  const last = messages[end - 1];
  return last ? { ...window, endSeq: last.seq, size: WINDOW_MAX } : { ...window, size: WINDOW_MAX };
}

/**
 * What a scroll event means for the window. Only the reader scrolling up stops following; a scroll
 * that moved down or not at all (our own jump to the newest message, or the view shrinking because
 * something appeared above it in the same frame) never does, however far from the bottom it lands.
 * Back near the bottom, the window follows again.
 */
export function afterScroll(
  messages: readonly Message[],
  window: MessageWindow,
  scroll: { fromBottomPx: number; movedUp: boolean; slackPx: number },
): MessageWindow {
  if (scroll.fromBottomPx <= scroll.slackPx) return window.endSeq === null ? window : { ...FOLLOWING, size: window.size };
  return scroll.movedUp ? hold(messages, window) : window;
}
