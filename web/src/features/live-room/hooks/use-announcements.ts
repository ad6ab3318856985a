import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '@tryg/shared';
import { neutraliseBidi } from '../inert-text';
import type { RoomSession } from '../room-session';

export interface Announcement {
  id: number;
  text: string;
}

/** New messages arriving in a burst are told as one short sentence, after this pause. */
const GATHER_MS = 1200;

/**
 * A short, polite summary for screen readers of what arrived ("New message from Alfa", "3 new
 * messages", "The connection is back"), never the messages themselves or the whole list.
 */
export function useAnnouncements(
  session: RoomSession,
  /** Messages this reader chose not to see (ignored members) are not announced either. */
  isHidden?: (message: Message) => boolean,
): Announcement | null {
  const { t } = useTranslation();
  const [announcement, setAnnouncement] = useState<Announcement | null>(null);
  const hidden = useRef(isHidden);
  useEffect(() => {
    hidden.current = isHidden;
  }, [isHidden]);
  const gathered = useRef<Message[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    let counter = 0;
    const say = (text: string) => {
      counter += 1;
      setAnnouncement({ id: counter, text });
    };
    const unsubscribe = session.onEvent((event) => {
      switch (event.kind) {
        case 'incoming': {
          const skip = hidden.current;
          const shown = skip ? event.messages.filter((message) => !skip(message)) : event.messages;
          if (shown.length === 0) return;
          gathered.current.push(...shown);
          if (timer.current) return;
          timer.current = setTimeout(() => {
            timer.current = null;
            const messages = gathered.current.splice(0);
            if (messages.length === 1) {
              const name = messages[0].displayName;
              say(
                t('liveRoom.announce.newFrom', {
                  name: name ? neutraliseBidi(name) : t('liveRoom.message.formerMember'),
                }),
              );
            } else if (messages.length > 1) {
              say(t('liveRoom.announce.newMany', { count: messages.length }));
            }
          }, GATHER_MS);
          return;
        }
        case 'caught-up':
          say(
            event.missed > 0
              ? t('liveRoom.announce.reconnectedMissed', { count: event.missed })
              : t('liveRoom.announce.reconnected'),
          );
          return;
        // My own sends are shown where they happen (the message, the composer's notices).
        case 'sent':
        case 'refused':
          return;
      }
    });
    return () => {
      unsubscribe();
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      gathered.current = [];
    };
  }, [session, t]);

  return announcement;
}
