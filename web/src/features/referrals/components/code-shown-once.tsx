import { Fragment, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Notice } from '../../../components/ui/notice';
import { formatDateTime } from '../../../lib/format';
import { currentLocale } from '../../../lib/i18n/i18n';
import { readableCodeGroups } from '../../../lib/readable-code';

export interface CodeShownOnceProps {
  code: string;
  expiresAt: string;
  onDone: () => void;
}

type CopyState = 'idle' | 'copied' | 'failed';

/** Groups of four that never break inside, with a real space between them (a line may wrap there). */
function CodeGroups({ groups }: { groups: readonly string[] }) {
  return (
    <>
      {groups.map((group, index) => (
        <Fragment key={index}>
          {index > 0 ? ' ' : null}
          <span className="code-group">{group}</span>
        </Fragment>
      ))}
    </>
  );
}

/**
 * The new code, shown this once (only its hash is kept). The slip below is what gets printed:
 * the code, the address and plain steps — nothing that names the group or what it is about,
 * because a slip can be found by the wrong person.
 */
export function CodeShownOnce({ code, expiresAt, onDone }: CodeShownOnceProps) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const slipHeadingId = useId();
  const [copy, setCopy] = useState<CopyState>('idle');
  const groups = readableCodeGroups(code);
  const joinAddress = `${window.location.origin}/join`;
  const until = formatDateTime(expiresAt, currentLocale());

  useEffect(() => {
    // The form is gone: take keyboard and screen-reader focus to the code.
    headingRef.current?.focus();
  }, []);

  const copyCode = async () => {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(code);
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  };

  return (
    <div className="code-once">
      <h3 ref={headingRef} tabIndex={-1}>
        {t('referralJourney.referrals.code.title')}
      </h3>
      <Notice tone="info">{t('referralJourney.referrals.code.shownOnce')}</Notice>
      <p className="code-display">
        <CodeGroups groups={groups} />
      </p>
      <p className="muted">{t('referralJourney.referrals.code.validUntil', { date: until })}</p>
      <div className="actions actions-start">
        <Button variant="primary" onPress={() => void copyCode()}>
          {t('referralJourney.referrals.code.copy')}
        </Button>
        <Button variant="secondary" onPress={() => window.print()}>
          {t('referralJourney.referrals.code.print')}
        </Button>
      </div>
      <div aria-live="polite">
        {copy === 'copied' ? <p className="copy-status">{t('referralJourney.referrals.code.copied')}</p> : null}
        {copy === 'failed' ? <p className="copy-status">{t('referralJourney.referrals.code.copyFailed')}</p> : null}
      </div>

      <section className="print-area slip" aria-labelledby={slipHeadingId}>
        <p className="slip-preview-label muted">{t('referralJourney.referrals.slip.previewLabel')}</p>
        <h4 id={slipHeadingId} className="slip-title">
          {t('referralJourney.referrals.slip.title')}
        </h4>
        <p className="slip-code">
          <CodeGroups groups={groups} />
        </p>
        <ol className="slip-steps">
          <li>
            {t('referralJourney.referrals.slip.stepOpen')} <strong className="slip-address">{joinAddress}</strong>
          </li>
          <li>{t('referralJourney.referrals.slip.stepCode')}</li>
          <li>{t('referralJourney.referrals.slip.stepChoose')}</li>
          <li>{t('referralJourney.referrals.slip.stepCodes')}</li>
        </ol>
        <p>{t('referralJourney.referrals.slip.validUntil', { date: until })}</p>
        <p>{t('referralJourney.referrals.slip.keepSafe')}</p>
      </section>

      <Button variant="secondary" onPress={onDone}>
        {t('referralJourney.referrals.code.done')}
      </Button>
    </div>
  );
}
