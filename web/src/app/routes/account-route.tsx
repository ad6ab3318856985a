import { useTranslation } from 'react-i18next';
import { ChangePasswordForm } from '../../features/account/components/change-password-form';
import { RecoveryCodesPanel } from '../../features/account/components/recovery-codes-panel';
import { SessionsPanel } from '../../features/account/components/sessions-panel';
import { useSignedIn } from './signed-in-layout';

export function AccountRoute() {
  const { t } = useTranslation();
  const { account } = useSignedIn();
  return (
    <div className="page">
      <h1>{t('account.title')}</h1>
      <SessionsPanel />
      <ChangePasswordForm login={account.login} />
      <RecoveryCodesPanel />
    </div>
  );
}
