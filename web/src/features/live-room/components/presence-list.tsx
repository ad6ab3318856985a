import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PresenceMember } from '@tryg/shared';
import { neutraliseBidi } from '../inert-text';

/** Who is in the room now, by pseudonym only, on one line: no "last seen", no read receipts. */
export function PresenceList({ members, myMemberId }: { members: readonly PresenceMember[]; myMemberId: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const here = members.filter((member) => member.online);
  return (
    <section className="presence" aria-labelledby={headingId}>
      <h2 id={headingId} className="presence-title">
        {t('liveRoom.presence.titleCount', { count: here.length })}
      </h2>
      {here.length === 0 ? (
        <p className="muted">{t('liveRoom.presence.nobody')}</p>
      ) : (
        // It scrolls sideways when many are here: focusable, so a keyboard can scroll it too.
        <ul className="presence-list" tabIndex={0} aria-labelledby={headingId}>
          {here.map((member) => (
            <li key={member.memberId} dir="auto">
              {member.memberId === myMemberId
                ? t('liveRoom.presence.you', { name: neutraliseBidi(member.displayName) })
                : neutraliseBidi(member.displayName)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
