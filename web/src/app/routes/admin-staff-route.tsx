import { useTranslation } from 'react-i18next';
import { hasPermission } from '@tryg/shared';
import { StaffPanel } from '../../features/admin/components/staff-panel';
import { NotFoundRoute } from './not-found-route';
import { useSignedIn } from './signed-in-layout';

/** `/admin/staff`: staff accounts, a new one, and turning one off or on again. */
export function AdminStaffRoute() {
  const { t } = useTranslation();
  const { account } = useSignedIn();
  if (!hasPermission(account.role, 'staff.manage')) return <NotFoundRoute />;
  return (
    <div className="page">
      <h1>{t('staff.title')}</h1>
      <StaffPanel myAccountId={account.id} />
    </div>
  );
}
