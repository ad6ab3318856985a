import { useTranslation } from 'react-i18next';
import { hasPermission } from '@tryg/shared';
import { AdminWatchedWordsPanel } from '../../features/moderation/components/admin-watched-words-panel';
import { HelpLinesPanel } from '../../features/moderation/components/help-lines-editor';
import { NotFoundRoute } from './not-found-route';
import { useSignedIn } from './signed-in-layout';

/** `/admin/safety`: the watched words every group shares and the help lines shown in a crisis. */
export function AdminSafetyRoute() {
  const { t } = useTranslation();
  const { account } = useSignedIn();
  if (!hasPermission(account.role, 'watched-words.manage')) return <NotFoundRoute />;
  return (
    <div className="page">
      <h1>{t('moderation.admin.title')}</h1>
      <p className="lead">{t('moderation.admin.lead')}</p>
      {hasPermission(account.role, 'help-lines.manage') ? <HelpLinesPanel /> : null}
      <AdminWatchedWordsPanel />
    </div>
  );
}
