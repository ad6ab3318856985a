import { useTranslation } from 'react-i18next';
import { PlainButton } from '../../../components/ui/plain-button';
import { Notice } from '../../../components/ui/notice';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useLogout } from '../api/logout';

export function LogoutButton({ onSignedOut }: { onSignedOut: () => void }) {
  const { t } = useTranslation();
  const mutation = useLogout();
  return (
    <>
      <PlainButton
        variant="quiet"
        isBusy={mutation.isPending}
        onClick={() => mutation.mutate(undefined, { onSuccess: onSignedOut })}
      >
        {t('nav.logout')}
      </PlainButton>
      {mutation.isError ? <Notice tone="error">{errorMessage(t, mutation.error)}</Notice> : null}
    </>
  );
}
