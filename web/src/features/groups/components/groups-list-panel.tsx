import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { Panel } from '../../../components/ui/panel';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useGroups } from '../api/list-groups';

/** Every group, with a way to its settings and facilitators (admin). */
export function GroupsListPanel() {
  const { t } = useTranslation();
  const groups = useGroups();
  const items = groups.data?.items ?? [];
  return (
    <Panel title={t('referralJourney.groups.listTitle')}>
      {groups.isPending ? <Loading label={t('app.loading')} /> : null}
      {groups.isError ? <Notice tone="error">{errorMessage(t, groups.error)}</Notice> : null}
      {groups.isSuccess && items.length === 0 ? <p>{t('referralJourney.groups.empty')}</p> : null}
      {items.length > 0 ? (
        <ul className="item-list" aria-label={t('referralJourney.groups.listTitle')}>
          {items.map((group) => (
            <li key={group.id} className="item">
              <p className="item-title">
                <Link to={`/admin/groups/${group.id}`}>{group.name}</Link>
              </p>
              <p className="muted">
                {t('referralJourney.groups.summary', {
                  capacity: group.capacity,
                  language: t(`referralJourney.groups.languages.${group.language}`),
                })}
              </p>
            </li>
          ))}
        </ul>
      ) : null}
    </Panel>
  );
}
