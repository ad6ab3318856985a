import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Notice } from '../../../components/ui/notice';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useLogout } from '../api/logout';

export function LogoutButton({ onSignedOut }: { onSignedOut: () => void }) {
  const { t } = useTranslation();
  const mutation = useLogout();
  return (
    <>
      <Button
        variant="quiet"
        isBusy={mutation.isPending}
        onPress={() => mutation.mutate(undefined, { onSuccess: onSignedOut })}
      >
        {t('nav.logout')}
      </Button>
      {mutation.isError ? <Notice tone="error">{errorMessage(t, mutation.error)}</Notice> : null}
    </>
  );
}
