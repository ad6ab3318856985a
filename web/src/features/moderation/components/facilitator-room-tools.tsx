import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { ModalDialog } from '../../../components/ui/modal-dialog';
import { useMembers } from '../api/list-members';
import { useSummary } from '../api/get-summary';
import { useFacilitatorLiveEvents, type LiveCue } from '../hooks/use-facilitator-live-events';
import { nameOf } from '../moderation-rules';
import { HeldMessagesPanel } from './held-messages-panel';
import { ModerationMembersPanel } from './members-panel';
import { ModerationLogPanel } from './moderation-log-panel';
import { ReportsPanel } from './reports-panel';
import { RoomControlsPanel } from './room-controls-panel';
import { SafetyAlertsPanel } from './safety-alerts-panel';

function CueText({ cue, groupId }: { cue: LiveCue; groupId: string }) {
  const { t } = useTranslation();
  const members = useMembers(groupId);
  const formerMember = t('moderation.formerMember');
  switch (cue.kind) {
    case 'report':
      return <>{t('moderation.live.report', { category: t(`moderation.categories.${cue.report.category}`) })}</>;
    case 'held':
      return <>{t('moderation.live.held', { name: cue.message.displayName ?? formerMember })}</>;
    case 'safety':
      return (
        <>
          {t(`moderation.live.safety.${cue.alert.kind}`, {
            from: nameOf(members.data?.items, cue.alert.fromMemberId) ?? formerMember,
            about: nameOf(members.data?.items, cue.alert.aboutMemberId ?? null) ?? formerMember,
          })}
        </>
      );
  }
}

/**
 * Above the conversation, for facilitators: visual cues for new reports, held messages and safety
 * alerts as they arrive (no sound), each dismissed with one press; nothing while all is quiet.
 */
export function FacilitatorLiveCues({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const { cues, dismiss } = useFacilitatorLiveEvents(groupId);
  return (
    <>
      {cues.length > 0 ? (
        <ul className="live-cues" aria-label={t('moderation.live.cuesLabel')}>
          {cues.map((cue) => (
            <li key={cue.id} className={cue.kind === 'safety' ? 'live-cue live-cue-safety' : 'live-cue'}>
              <p>
                <CueText cue={cue} groupId={groupId} />
              </p>
              <Button variant="quiet" onPress={() => dismiss(cue.id)}>
                {t('moderation.live.dismiss')}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      {/* New cues are announced politely, one at a time. */}
      <div className="visually-hidden" aria-live="polite" aria-atomic="true">
        {cues[0] ? (
          <span key={cues[0].id}>
            <CueText cue={cues[0]} groupId={groupId} />
          </span>
        ) : null}
      </div>
    </>
  );
}

/**
 * "Tools" in the room's bar, for facilitators: how much waits (in the button's name), and the desk's
 * panels in a sheet so the conversation keeps the screen. `extra` comes first in the sheet (e.g.
 * the controls of a round).
 */
export function FacilitatorToolsSheet({
  groupId,
  timeZone,
  extra,
}: {
  groupId: string;
  timeZone?: string;
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  const summary = useSummary(groupId);
  const data = summary.data;
  const waiting = data ? data.openSafetyAlerts + data.openReports + data.heldMessages : 0;
  return (
    <ModalDialog
      triggerLabel={waiting > 0 ? t('moderation.live.toolsWaiting', { count: waiting }) : t('moderation.live.tools')}
      triggerVariant={waiting > 0 ? 'secondary' : 'quiet'}
      title={t('moderation.live.title')}
      presentation="sheet"
      closeLabel={t('moderation.member.close')}
    >
      {() => (
        <div className="facilitator-tools-panels">
          {extra}
          {data ? (
            <p className="facilitator-counter">
              {t('moderation.live.counter', {
                safety: data.openSafetyAlerts,
                reports: data.openReports,
                held: data.heldMessages,
              })}
            </p>
          ) : null}
          <p>
            <Link to={`/groups/${groupId}/moderation`}>{t('moderation.live.toDesk')}</Link>
          </p>
          <SafetyAlertsPanel groupId={groupId} timeZone={timeZone} />
          <ReportsPanel groupId={groupId} timeZone={timeZone} />
          <HeldMessagesPanel groupId={groupId} timeZone={timeZone} />
          <ModerationMembersPanel groupId={groupId} timeZone={timeZone} />
          <RoomControlsPanel groupId={groupId} />
          <ModerationLogPanel groupId={groupId} timeZone={timeZone} />
        </div>
      )}
    </ModalDialog>
  );
}
