import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Group } from '@tryg/shared';
import { Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { Panel } from '../../../components/ui/panel';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useSummary } from '../api/get-summary';
import { useGroups } from '../api/list-groups';

function GroupDeskLink({ group, deskPath }: { group: Group; deskPath: (groupId: string) => string }) {
  const { t } = useTranslation();
  const summary = useSummary(group.id);
  const data = summary.data;
  return (
    <li className="item">
      <p className="item-title">{group.name}</p>
      {data ? (
        <ul className="waiting-counts">
          {data.openSafetyAlerts > 0 ? (
            <li className="waiting-safety">{t('moderation.home.safety', { count: data.openSafetyAlerts })}</li>
          ) : null}
          <li>{t('moderation.home.reports', { count: data.openReports })}</li>
          <li>{t('moderation.home.held', { count: data.heldMessages })}</li>
        </ul>
      ) : null}
      <p>
        <Link to={deskPath(group.id)}>{t('moderation.home.open', { name: group.name })}</Link>
      </p>
    </li>
  );
}

/** On the facilitator's home: what waits in each group's moderation desk. */
export function ModerationGroupsPanel({ deskPath }: { deskPath: (groupId: string) => string }) {
  const { t } = useTranslation();
  const groups = useGroups();
  const items = groups.data?.items ?? [];
  return (
    <Panel title={t('moderation.home.title')}>
      {groups.isPending ? <Loading label={t('app.loading')} /> : null}
      {groups.isError ? <Notice tone="error">{errorMessage(t, groups.error)}</Notice> : null}
      {groups.isSuccess && items.length === 0 ? <p>{t('moderation.home.noGroups')}</p> : null}
      {items.length > 0 ? (
        <ul className="item-list" aria-label={t('moderation.home.title')}>
          {items.map((group) => (
            <GroupDeskLink key={group.id} group={group} deskPath={deskPath} />
          ))}
        </ul>
      ) : null}
    </Panel>
  );
}
