import { useTranslation } from 'react-i18next';
import type { Locale } from '@tryg/shared';
import { PlainButton } from '../../../components/ui/plain-button';
import { Notice } from '../../../components/ui/notice';
import { changeLocale, currentLocale, rememberChoiceBeforeSignIn } from '../../../lib/i18n/i18n';
import { useUpdateLocale } from '../api/update-locale';

function otherLocale(locale: Locale): Locale {
  switch (locale) {
    case 'da':
      return 'en';
    case 'en':
      return 'da';
  }
}

/** One press to the other language; the label is written in that language (and marked so). */
export function LanguageSwitch({ signedIn }: { signedIn: boolean }) {
  const { t } = useTranslation();
  const mutation = useUpdateLocale();
  const next = otherLocale(currentLocale());
  return (
    <>
      <PlainButton
        variant="quiet"
        onClick={() => {
          changeLocale(next);
          if (signedIn) mutation.mutate(next);
          else rememberChoiceBeforeSignIn(next);
        }}
      >
        <span lang={next}>{t('language.switchTo')}</span>
      </PlainButton>
      {mutation.isError ? <Notice tone="error">{t('language.saveFailed')}</Notice> : null}
    </>
  );
}
