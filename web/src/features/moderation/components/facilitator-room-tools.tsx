import { useId, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
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
 * The facilitator's tools inside the live room: a quiet counter of what waits, visual cues for
 * new reports, held messages and safety alerts as they arrive (no sound), and the desk's panels
 * behind one button so the conversation stays in view.
 */
export function FacilitatorRoomTools({ groupId, timeZone }: { groupId: string; timeZone?: string }) {
  const { t } = useTranslation();
  const summary = useSummary(groupId);
  const { cues, dismiss } = useFacilitatorLiveEvents(groupId);
  const [open, setOpen] = useState(false);
  const toolsId = useId();
  const data = summary.data;
  return (
    <section className="facilitator-tools" aria-label={t('moderation.live.title')}>
      <div className="facilitator-counter" role="status">
        {data ? (
          <p>
            {t('moderation.live.counter', {
              safety: data.openSafetyAlerts,
              reports: data.openReports,
              held: data.heldMessages,
            })}
          </p>
        ) : null}
      </div>
      {cues.length > 0 ? (
        <ul className="live-cues" aria-label={t('moderation.live.cuesLabel')}>
          {cues.map((cue) => (
            <li key={cue.id} className={cue.kind === 'safety' ? 'live-cue live-cue-safety' : 'live-cue'}>
              <p>
                <CueText cue={cue} groupId={groupId} />
              </p>
              <Button variant="quiet" onPress={() => dismiss(cue.id)} aria-label={t('moderation.live.dismissLabel')}>
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
      <div className="actions actions-start">
        <Button variant="secondary" aria-expanded={open} aria-controls={toolsId} onPress={() => setOpen(!open)}>
          {open ? t('moderation.live.hideTools') : t('moderation.live.showTools')}
        </Button>
        <Link className="button-link" to={`/groups/${groupId}/moderation`}>
          {t('moderation.live.toDesk')}
        </Link>
      </div>
      <div id={toolsId} hidden={!open} className="facilitator-tools-panels">
        {open ? (
          <>
            <SafetyAlertsPanel groupId={groupId} timeZone={timeZone} />
            <ReportsPanel groupId={groupId} timeZone={timeZone} />
            <HeldMessagesPanel groupId={groupId} timeZone={timeZone} />
            <ModerationMembersPanel groupId={groupId} timeZone={timeZone} />
            <RoomControlsPanel groupId={groupId} />
            <ModerationLogPanel groupId={groupId} timeZone={timeZone} />
          </>
        ) : null}
      </div>
    </section>
  );
}
