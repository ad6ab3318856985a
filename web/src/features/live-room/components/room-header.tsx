import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Group, PresenceMember } from '@tryg/shared';
import { ModalDialog } from '../../../components/ui/modal-dialog';
import { neutraliseBidi } from '../inert-text';
import { PinnedRules } from './pinned-rules';
import { PresenceList } from './presence-list';

export interface RoomHeaderProps {
  group: Group | undefined;
  rules: string;
  presence: readonly PresenceMember[];
  myMemberId: string;
  /** More buttons in the bar, after "Rules" (the member's help, the facilitator's tools). */
  actions?: ReactNode;
}

/**
 * The room's compact bar: the page's one heading, the group, who is here, and buttons that open
 * the rules and the other panels as sheets, so the conversation keeps the screen.
 */
export function RoomHeader({ group, rules, presence, myMemberId, actions }: RoomHeaderProps) {
  const { t } = useTranslation();
  return (
    <header className="room-bar">
      <div className="room-bar-top">
        <h1 className="room-title">{t('liveRoom.title')}</h1>
        <div className="room-bar-actions">
          <ModalDialog
            triggerLabel={t('liveRoom.rules.open')}
            triggerVariant="quiet"
            title={t('liveRoom.rules.title')}
            presentation="sheet"
            closeLabel={t('liveRoom.sheet.close')}
          >
            {() => (
              <>
                {group ? (
                  <p className="lead" dir="auto">
                    {t('liveRoom.groupLabel', { name: neutraliseBidi(group.name) })}
                  </p>
                ) : null}
                <PinnedRules rules={rules} />
                {group ? <p className="muted">{t('liveRoom.retention', { count: group.retentionDays })}</p> : null}
              </>
            )}
          </ModalDialog>
          {actions}
        </div>
      </div>
      <div className="room-bar-line">
        {group ? (
          <p className="room-group" dir="auto">
            {neutraliseBidi(group.name)}
          </p>
        ) : null}
        <PresenceList members={presence} myMemberId={myMemberId} />
      </div>
    </header>
  );
}
