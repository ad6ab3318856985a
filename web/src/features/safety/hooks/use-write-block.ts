import { useCallback, useEffect, useState } from 'react';
import type { ModerationNotice } from '@tryg/shared';
import { acquireChatSocket, releaseChatSocket } from '../../../lib/socket-client';
import { applyNotice, currentBlock, NOT_BLOCKED, type WriteBlock } from '../safety-rules';

const UNKNOWN_END_MS = 60_000;

/**
 * Whether a facilitator has muted (or removed) me in this group, from the live `moderation:notice`
 * on the app's shared socket. A refused send (`MUTED`) also counts, with an unknown end. A mute
 * with a known end is over when that moment passes, without waiting for a new notice.
 */
export function useWriteBlock(groupId: string): { block: WriteBlock; markMuted: () => void } {
  const [block, setBlock] = useState<WriteBlock>(NOT_BLOCKED);

  useEffect(() => {
    const socket = acquireChatSocket();
    const onNotice = (notice: ModerationNotice) => {
      if (notice.groupId === groupId) setBlock(applyNotice(notice));
    };
    socket.on('moderation:notice', onNotice);
    return () => {
      socket.off('moderation:notice', onNotice);
      releaseChatSocket(socket);
    };
  }, [groupId]);

  // Re-check when a timed mute should end. A mute learned from a refused send has no known end:
  // the composer opens again after a minute, and the next refusal closes it again if it still runs.
  useEffect(() => {
    if (block.kind !== 'muted') return;
    const timer =
      block.until === null
        ? window.setTimeout(() => setBlock((current) => (current === block ? NOT_BLOCKED : current)), UNKNOWN_END_MS)
        : window.setTimeout(
            () => setBlock((current) => currentBlock(current, Date.now())),
            Math.max(0, Date.parse(block.until) - Date.now()) + 250,
          );
    return () => window.clearTimeout(timer);
  }, [block]);

  const markMuted = useCallback(
    () => setBlock((current) => (current.kind === 'muted' ? current : { kind: 'muted', until: null })),
    [],
  );
  // The timer above ends a timed mute when it runs out.
  return { block, markMuted };
}
