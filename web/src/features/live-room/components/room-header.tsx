import { useTranslation } from 'react-i18next';
import type { Group } from '@tryg/shared';
import { neutraliseBidi } from '../inert-text';

/** The page's one heading, the group's name and how long messages are kept. */
export function RoomHeader({ group }: { group: Group | undefined }) {
  const { t } = useTranslation();
  return (
    <header className="room-header">
      <h1>{t('liveRoom.title')}</h1>
      {group ? (
        <>
          <p className="lead" dir="auto">
            {t('liveRoom.groupLabel', { name: neutraliseBidi(group.name) })}
          </p>
          <p className="muted room-retention">{t('liveRoom.retention', { count: group.retentionDays })}</p>
        </>
      ) : null}
    </header>
  );
}
