import { useCallback, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { Message } from '@tryg/shared';
import { afterScroll, FOLLOWING, hold, showEarlier, sliceWindow, type MessageWindow, type WindowSlice } from '../message-window';

/** Closer than this to the bottom counts as "at the newest messages". */
const BOTTOM_SLACK_PX = 48;

export interface MessageWindowView extends WindowSlice {
  following: boolean;
  onScroll: () => void;
  /** Shows one step of older messages, fetching them first when `fetchEarlier` is needed. */
  showEarlierMessages: () => Promise<void>;
  /** Back to following the newest messages; `focus` moves keyboard focus to the list. */
  jumpToLatest: (focus?: boolean) => void;
}

/**
 * Keeps the page's share of a long room bounded (see message-window.ts) and the scroll position
 * where a reader expects it: at the bottom while following, unchanged when older messages are
 * added above or newer ones leave below.
 */
export function useMessageWindow(
  messages: readonly Message[],
  pendingCount: number,
  fetchEarlier: () => Promise<readonly Message[]>,
): { view: MessageWindowView; scrollRef: RefObject<HTMLDivElement | null> } {
  const [window, setWindow] = useState<MessageWindow>(FOLLOWING);
  const slice = useMemo(() => sliceWindow(messages, window), [messages, window]);
  const following = window.endSeq === null;
  const scrollRef = useRef<HTMLDivElement | null>(null);
  /**
   * A message to keep in place (its distance from the top of the view) while older messages are
   * fetched and added above it; `keep` until the window has taken its new place.
   */
  const anchor = useRef<{ seq: number; offset: number; keep: boolean } | null>(null);
  const latest = useRef(messages);

  useLayoutEffect(() => {
    latest.current = messages;
  }, [messages]);

  useLayoutEffect(() => {
    const container = scrollRef.current;
    if (!container) return;
    const kept = anchor.current;
    if (kept) {
      if (!kept.keep) anchor.current = null;
      const element = container.querySelector<HTMLElement>(`[data-seq="${kept.seq}"]`);
      if (element) container.scrollTop = element.offsetTop - kept.offset;
      return;
    }
    if (following) container.scrollTop = container.scrollHeight;
  }, [slice.items, pendingCount, following]);

  /** Where the last scroll event left the view, to tell the reader scrolling up from the view moving. */
  const lastScrollTop = useRef(0);
  const onScroll = useCallback(() => {
    const container = scrollRef.current;
    if (!container) return;
    const scroll = {
      fromBottomPx: container.scrollHeight - container.scrollTop - container.clientHeight,
      movedUp: container.scrollTop < lastScrollTop.current,
      slackPx: BOTTOM_SLACK_PX,
    };
    lastScrollTop.current = container.scrollTop;
    setWindow((current) => afterScroll(latest.current, current, scroll));
  }, []);

  // While following, the newest message stays in view when the view itself changes size (a notice
  // or a live cue appearing above it, the keyboard opening on a phone).
  useLayoutEffect(() => {
    const container = scrollRef.current;
    if (!following || !container || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      if (!anchor.current) container.scrollTop = container.scrollHeight;
    });
    observer.observe(container);
    return () => observer.disconnect();
  }, [following]);

  const hiddenAbove = slice.hiddenAbove;
  const showEarlierMessages = useCallback(async () => {
    const container = scrollRef.current;
    const first = container?.querySelector<HTMLElement>('[data-seq]');
    const kept =
      container && first
        ? { seq: Number(first.dataset.seq), offset: first.offsetTop - container.scrollTop, keep: true }
        : null;
    anchor.current = kept;
    // Stop following first, so nothing jumps while older messages arrive above.
    setWindow((current) => hold(latest.current, current));
    const messagesNow = hiddenAbove === 0 ? await fetchEarlier() : latest.current;
    if (kept) kept.keep = false;
    setWindow((current) => showEarlier(messagesNow, hold(messagesNow, current)));
  }, [hiddenAbove, fetchEarlier]);

  const jumpToLatest = useCallback((focus = false) => {
    setWindow(FOLLOWING);
    if (focus) scrollRef.current?.focus();
  }, []);

  return { view: { ...slice, following, onScroll, showEarlierMessages, jumpToLatest }, scrollRef };
}
