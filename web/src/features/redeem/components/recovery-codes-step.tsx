import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { CheckboxField } from '../../../components/ui/checkbox-field';
import { Notice } from '../../../components/ui/notice';
import { downloadTextFile } from '../../../lib/download-file';
import { RECOVERY_CODES_FILE_NAME, recoveryCodesFileText } from '../recovery-file';

export interface RecoveryCodesStepProps {
  codes: readonly string[];
  onContinue: () => void;
}

/**
 * The recovery codes, shown this once: print them, save them as a file, or write them down —
 * and say so before going on. They are not kept anywhere in the client after this view.
 */
export function RecoveryCodesStep({ codes, onContinue }: RecoveryCodesStepProps) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const listLabelId = useId();
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  return (
    <div className="page page-narrow">
      <h1 ref={headingRef} tabIndex={-1}>
        {t('referralJourney.join.codes.title')}
      </h1>
      <p className="lead">{t('referralJourney.join.codes.welcome')}</p>
      <Notice tone="info">{t('referralJourney.join.codes.shownOnce')}</Notice>
      <p>{t('referralJourney.join.codes.why')}</p>
      <section className="print-area recovery-sheet" aria-labelledby={listLabelId}>
        <h2 id={listLabelId}>{t('referralJourney.join.codes.listTitle')}</h2>
        <p className="print-only">{t('referralJourney.join.codes.printIntro')}</p>
        <ol className="code-list recovery-list">
          {codes.map((code) => (
            <li key={code}>
              <code>{code}</code>
            </li>
          ))}
        </ol>
      </section>
      <div className="actions actions-start">
        <Button variant="secondary" onPress={() => window.print()}>
          {t('referralJourney.join.codes.print')}
        </Button>
        <Button
          variant="secondary"
          onPress={() =>
            downloadTextFile(
              RECOVERY_CODES_FILE_NAME,
              recoveryCodesFileText(codes, {
                title: t('referralJourney.join.codes.fileTitle'),
                intro: t('referralJourney.join.codes.printIntro'),
              }),
            )
          }
        >
          {t('referralJourney.join.codes.download')}
        </Button>
      </div>
      <div className="form confirm-saved">
        <CheckboxField
          label={t('referralJourney.join.codes.confirmSaved')}
          name="savedCodes"
          checked={saved}
          onChange={setSaved}
          description={t('referralJourney.join.codes.confirmSavedHint')}
        />
        <Button isDisabled={!saved} onPress={onContinue}>
          {t('referralJourney.join.codes.continue')}
        </Button>
      </div>
    </div>
  );
}
