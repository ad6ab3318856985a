import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { Panel } from '../../../components/ui/panel';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useGroups } from '../api/list-groups';

export interface ScheduleGroupsPanelProps {
  /** Where each group's pages live; the route decides the paths. */
  schedulePath: (groupId: string) => string;
  attendancePath: (groupId: string) => string;
}

/** On the facilitator's home: the groups they lead, each with its schedule and attendance pages. */
export function ScheduleGroupsPanel({ schedulePath, attendancePath }: ScheduleGroupsPanelProps) {
  const { t } = useTranslation();
  const groups = useGroups();
  const items = groups.data?.items ?? [];
  return (
    <Panel title={t('scheduling.schedule.groupsPanel.title')}>
      {groups.isPending ? <Loading label={t('app.loading')} /> : null}
      {groups.isError ? <Notice tone="error">{errorMessage(t, groups.error)}</Notice> : null}
      {groups.isSuccess && items.length === 0 ? <p>{t('scheduling.schedule.groupsPanel.empty')}</p> : null}
      {items.length > 0 ? (
        <ul className="group-links">
          {items.map((group) => (
            <li key={group.id}>
              <p className="group-links-name">{group.name}</p>
              <p className="group-links-actions">
                <Link
                  to={schedulePath(group.id)}
                  aria-label={t('scheduling.schedule.groupsPanel.scheduleLabel', { name: group.name })}
                >
                  {t('scheduling.schedule.groupsPanel.schedule')}
                </Link>
                <Link
                  to={attendancePath(group.id)}
                  aria-label={t('scheduling.schedule.groupsPanel.attendanceLabel', { name: group.name })}
                >
                  {t('scheduling.schedule.groupsPanel.attendance')}
                </Link>
              </p>
            </li>
          ))}
        </ul>
      ) : null}
    </Panel>
  );
}
