import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Panel } from '../../../components/ui/panel';
import { useGroups } from '../api/list-groups';

/** On the admin's home: how many groups there are and the way to them. */
export function GroupsHomePanel() {
  const { t } = useTranslation();
  const groups = useGroups();
  return (
    <Panel title={t('referralJourney.groups.homeTitle')}>
      {groups.isSuccess ? <p>{t('referralJourney.groups.homeCount', { count: groups.data.items.length })}</p> : null}
      <p>
        <Link to="/admin/groups">{t('referralJourney.groups.homeLink')}</Link>
      </p>
    </Panel>
  );
}
