import { useTranslation } from 'react-i18next';
import type { SessionItem } from '@tryg/shared';
import { Button } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { Panel } from '../../../components/ui/panel';
import { formatDateTime } from '../../../lib/format';
import { currentLocale } from '../../../lib/i18n/i18n';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useSessions } from '../api/get-sessions';
import { useRevokeOtherSessions } from '../api/revoke-other-sessions';
import { useRevokeSession } from '../api/revoke-session';

function SessionRow({
  session,
  onRevoke,
  busy,
}: {
  session: SessionItem;
  onRevoke: (id: string) => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const signedIn = formatDateTime(session.createdAt, locale);
  return (
    <li className="session">
      <p className="session-title">
        {session.current ? t('account.sessions.thisDevice') : t('account.sessions.otherDevice')}
      </p>
      <p className="muted">{t('account.sessions.signedIn', { date: signedIn })}</p>
      <p className="muted">{t('account.sessions.lastActive', { date: formatDateTime(session.lastSeenAt, locale) })}</p>
      {session.current ? null : (
        <Button
          variant="secondary"
          isDisabled={busy}
          aria-label={t('account.sessions.revokeLabel', { date: signedIn })}
          onPress={() => onRevoke(session.id)}
        >
          {t('account.sessions.revoke')}
        </Button>
      )}
    </li>
  );
}

/** Where the account is signed in (no addresses or devices are kept), with sign-out per device. */
export function SessionsPanel() {
  const { t } = useTranslation();
  const sessions = useSessions();
  const revokeOne = useRevokeSession();
  const revokeOthers = useRevokeOtherSessions();
  const items = sessions.data?.items ?? [];
  const others = items.filter((session) => !session.current).length;
  const failure = revokeOne.error ?? revokeOthers.error ?? sessions.error;

  return (
    <Panel title={t('account.sessions.title')}>
      <p>{t('account.sessions.intro')}</p>
      {failure ? <Notice tone="error">{errorMessage(t, failure)}</Notice> : null}
      {revokeOne.isSuccess ? <Notice tone="success">{t('account.sessions.revoked')}</Notice> : null}
      {revokeOthers.isSuccess ? <Notice tone="success">{t('account.sessions.othersRevoked')}</Notice> : null}
      {sessions.isPending ? <Loading label={t('app.loading')} /> : null}
      {items.length > 0 ? (
        <ul className="session-list" aria-label={t('account.sessions.listLabel')}>
          {items.map((session) => (
            <SessionRow
              key={session.id}
              session={session}
              busy={revokeOne.isPending}
              onRevoke={(id) => {
                revokeOthers.reset();
                revokeOne.mutate(id);
              }}
            />
          ))}
        </ul>
      ) : null}
      {sessions.isSuccess && others === 0 ? <p className="muted">{t('account.sessions.onlyThis')}</p> : null}
      {others > 0 ? (
        <ConfirmDialog
          triggerLabel={t('account.sessions.revokeOthers')}
          title={t('account.sessions.confirmTitle')}
          text={t('account.sessions.confirmText')}
          confirmLabel={t('account.sessions.confirm')}
          cancelLabel={t('common.cancel')}
          isDisabled={revokeOthers.isPending}
          onConfirm={() => {
            revokeOne.reset();
            revokeOthers.mutate();
          }}
        />
      ) : null}
    </Panel>
  );
}
