import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { currentLocale } from '../../../lib/i18n/i18n';
import type { RoomNotice } from '../room-notice';
import { formatDay, formatTime, isSameDay } from '../room-time';

function useOpeningText(kind: 'closed' | 'read-only', opensAt: string | null, now: Date, timeZone?: string): string {
  const { t } = useTranslation();
  const locale = currentLocale();
  if (opensAt === null) return kind === 'closed' ? t('liveRoom.status.closedNoMeeting') : t('liveRoom.status.readOnly');
  // A stale opening time (it has passed, the page will hear any moment): no time to show.
  if (Date.parse(opensAt) <= now.getTime())
    return kind === 'closed' ? t('liveRoom.status.closedChecking') : t('liveRoom.status.readOnly');
  const time = formatTime(opensAt, locale, timeZone);
  if (isSameDay(opensAt, now, timeZone))
    return kind === 'closed'
      ? t('liveRoom.status.closedOpensToday', { time })
      : t('liveRoom.status.readOnlyOpensToday', { time });
  const day = formatDay(opensAt, locale, timeZone);
  return kind === 'closed'
    ? t('liveRoom.status.closedOpensLater', { day, time })
    : t('liveRoom.status.readOnlyOpensLater', { day, time });
}

function OpeningLine({
  kind,
  opensAt,
  now,
  timeZone,
}: {
  kind: 'closed' | 'read-only';
  opensAt: string | null;
  now: Date;
  timeZone?: string;
}) {
  return <p>{useOpeningText(kind, opensAt, now, timeZone)}</p>;
}

/**
 * The room's state in words: offline, connecting, reconnecting, closed until 18.00, read-only,
 * waiting for a facilitator. A polite status region, so a change is announced without interrupting.
 */
export function RoomStatus({
  notice,
  now,
  timeZone,
  onReconnect,
}: {
  notice: RoomNotice;
  now: Date;
  timeZone?: string;
  onReconnect: () => void;
}) {
  const { t } = useTranslation();
  let content = null;
  switch (notice.kind) {
    case 'open':
      break;
    case 'offline':
      content = (
        <>
          <p className="room-status-title">{t('liveRoom.status.offline')}</p>
          <p>{t('liveRoom.status.reconnectingHint')}</p>
        </>
      );
      break;
    case 'connecting':
      content = <p>{t('liveRoom.status.connecting')}</p>;
      break;
    case 'reconnecting':
      content = (
        <>
          <p className="room-status-title">{t('liveRoom.status.reconnecting')}</p>
          <p>{t('liveRoom.status.reconnectingHint')}</p>
        </>
      );
      break;
    case 'disconnected':
      content = (
        <>
          <p>{t('liveRoom.status.disconnected')}</p>
          <Button variant="secondary" onPress={onReconnect}>
            {t('liveRoom.status.reconnect')}
          </Button>
        </>
      );
      break;
    case 'signed-out':
      content = <p>{t('liveRoom.status.signedOut')}</p>;
      break;
    case 'closed':
    case 'read-only':
      content = <OpeningLine kind={notice.kind} opensAt={notice.opensAt} now={now} timeZone={timeZone} />;
      break;
    case 'waiting':
      content = <p>{t('liveRoom.status.waiting')}</p>;
      break;
    case 'locked':
      content = <p>{t('liveRoom.status.locked')}</p>;
      break;
    case 'no-access':
      content = <p>{t('liveRoom.status.noAccess')}</p>;
      break;
    case 'failed':
      content = <p>{t('liveRoom.status.failed')}</p>;
      break;
  }
  return (
    <div className={content ? `room-status room-status-${notice.kind}` : 'room-status room-status-empty'} role="status">
      {content}
    </div>
  );
}
