import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Panel } from '../../../components/ui/panel';

/** On the admin's home: the way to the help lines and the shared watched words. */
export function AdminSafetyHomePanel({ path }: { path: string }) {
  const { t } = useTranslation();
  return (
    <Panel title={t('moderation.admin.title')}>
      <p>{t('moderation.admin.lead')}</p>
      <p>
        <Link to={path}>{t('moderation.admin.homeLink')}</Link>
      </p>
    </Panel>
  );
}
