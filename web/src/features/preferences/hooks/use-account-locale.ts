import { useEffect } from 'react';
import type { Account } from '@tryg/shared';
import { changeLocale, takeChoiceBeforeSignIn } from '../../../lib/i18n/i18n';
import { useUpdateLocale } from '../api/update-locale';

/**
 * Once someone is signed in, the account's language wins, unless they picked one on the
 * sign-in page just now: that choice is saved to the account instead.
 */
export function useAccountLocale(account: Account | null | undefined): void {
  const { mutate } = useUpdateLocale();
  const accountId = account?.id;
  const accountLocale = account?.locale;
  useEffect(() => {
    if (!accountId || !accountLocale) return;
    const choice = takeChoiceBeforeSignIn();
    if (choice && choice !== accountLocale) {
      changeLocale(choice);
      mutate(choice);
      return;
    }
    changeLocale(accountLocale);
  }, [accountId, accountLocale, mutate]);
}
