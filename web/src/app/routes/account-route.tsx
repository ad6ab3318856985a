import { useTranslation } from 'react-i18next';
import { ChangePasswordForm } from '../../features/account/components/change-password-form';
import { RecoveryCodesPanel } from '../../features/account/components/recovery-codes-panel';
import { SessionsPanel } from '../../features/account/components/sessions-panel';
import { CalendarFeedPanel } from '../../features/meetings/components/calendar-feed-panel';
import { DeleteAccountPanel } from '../../features/memberships/components/delete-account-panel';
import { ExportDataPanel } from '../../features/memberships/components/export-data-panel';
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
      {/* The secret calendar feed: for people who have sessions (members and facilitators). */}
      {account.role === 'participant' || account.role === 'facilitator' ? <CalendarFeedPanel /> : null}
      {/* Privacy rights (participants): all my data as a file, and deleting the account for good. */}
      {account.role === 'participant' ? <ExportDataPanel /> : null}
      {account.role === 'participant' ? <DeleteAccountPanel login={account.login} /> : null}
    </div>
  );
}
