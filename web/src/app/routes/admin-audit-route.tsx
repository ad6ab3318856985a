import { useTranslation } from 'react-i18next';
import { hasPermission } from '@tryg/shared';
import { AuditPanel } from '../../features/admin/components/audit-panel';
import { NotFoundRoute } from './not-found-route';
import { useSignedIn } from './signed-in-layout';

/** `/admin/audit`: what happened, in words, with filters. */
export function AdminAuditRoute() {
  const { t } = useTranslation();
  const { account } = useSignedIn();
  if (!hasPermission(account.role, 'audit.read')) return <NotFoundRoute />;
  return (
    <div className="page">
      <h1>{t('audit.title')}</h1>
      <AuditPanel />
    </div>
  );
}
