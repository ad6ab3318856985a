import { useId } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Group } from '@tryg/shared';
import { Loading } from '../../../components/ui/loading';
import { IntakeWaiting } from '../../../features/intake/components/intake-waiting';
import { MeetingNow } from '../../../features/meetings/components/meeting-now';
import { ModerationWaiting } from '../../../features/moderation/components/moderation-waiting';
import { useVisibleGroups } from '../../../lib/visible-groups';
import { pathTo, type PageName } from '../../pages';
import { AboutHere, Welcome } from './welcome';

/** A group's pages, in the order a facilitator needs them. */
const GROUP_PAGES: readonly { page: PageName; label: 'room' | 'moderation' | 'intake' | 'schedule' | 'attendance' }[] =
  [
    { page: 'room', label: 'room' },
    { page: 'moderation', label: 'moderation' },
    { page: 'intake', label: 'intake' },
    { page: 'schedule', label: 'schedule' },
    { page: 'attendance', label: 'attendance' },
  ];

/** One group: what needs action now (a session on, safety alerts, reports, people waiting), then its pages. */
function GroupCard({ group }: { group: Group }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="panel group-card" aria-labelledby={headingId}>
      <h2 id={headingId} dir="auto">
        {group.name}
      </h2>
      <MeetingNow groupId={group.id} roomPath={pathTo('room', { groupId: group.id })} />
      <ModerationWaiting groupId={group.id} />
      <IntakeWaiting groupId={group.id} />
      <ul className="link-row">
        {GROUP_PAGES.map(({ page, label }) => {
          const text = t(`home.groupPages.${label}`);
          return (
            <li key={page}>
              <Link
                to={pathTo(page, { groupId: group.id })}
                aria-label={t('home.inGroup', { link: text, group: group.name })}
              >
                {text}
              </Link>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function FacilitatorHome() {
  const { t } = useTranslation();
  const groups = useVisibleGroups();
  const items = groups.data?.items ?? [];
  return (
    <div className="page">
      <Welcome role="facilitator" />
      {groups.isPending ? <Loading label={t('app.loading')} /> : null}
      {groups.isSuccess && items.length === 0 ? <p>{t('moderation.home.noGroups')}</p> : null}
      {items.map((group) => (
        <GroupCard key={group.id} group={group} />
      ))}
      <AboutHere role="facilitator" />
    </div>
  );
}
