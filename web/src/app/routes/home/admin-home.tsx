import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { GroupsHomePanel } from '../../../features/groups/components/groups-home-panel';
import { AdminSafetyHomePanel } from '../../../features/moderation/components/admin-safety-home-panel';
import { Panel } from '../../../components/ui/panel';
import { pathTo } from '../../pages';
import { AboutHere, Welcome } from './welcome';

export function AdminHome() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <Welcome role="admin" />
      <GroupsHomePanel />
      <Panel title={t('staff.title')}>
        <p>{t('staff.homeText')}</p>
        <p>
          <Link to={pathTo('adminStaff')}>{t('staff.homeLink')}</Link>
        </p>
      </Panel>
      <AdminSafetyHomePanel path={pathTo('adminSafety')} />
      <Panel title={t('audit.title')}>
        <p>{t('audit.homeText')}</p>
        <p>
          <Link to={pathTo('adminAudit')}>{t('audit.homeLink')}</Link>
        </p>
      </Panel>
      <AboutHere role="admin" />
    </div>
  );
}
