import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { MeResponse } from '@tryg/shared';
import { Button } from '../../../components/ui/button';
import { Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useRedeem } from '../api/redeem';
import { joinErrorKey } from '../join-form-rules';
import { JoinAnotherForm } from './join-another-form';
import { NewPersonForm } from './new-person-form';
import { RecoveryCodesStep } from './recovery-codes-step';

export interface JoinFlowProps {
  /** Who is signed in: undefined while asking, null for nobody. */
  me: MeResponse | null | undefined;
  /** Go on to the person's home. */
  onFinished: () => void;
}

type Step = { step: 'form' } | { step: 'codes'; codes: string[] } | { step: 'joined'; displayName: string };

function joinErrorText(t: TFunction, error: unknown): string {
  const key = joinErrorKey(error);
  return key ? t(`referralJourney.join.errors.${key}`) : errorMessage(t, error);
}

function JoinedStep({ displayName, onFinished }: { displayName: string; onFinished: () => void }) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  return (
    <div className="page page-narrow">
      <h1 ref={headingRef} tabIndex={-1}>
        {t('referralJourney.join.joined.title')}
      </h1>
      <p className="lead">{t('referralJourney.join.joined.text', { name: displayName })}</p>
      <Button onPress={onFinished}>{t('referralJourney.join.joined.continue')}</Button>
    </div>
  );
}

/**
 * Joining with a code: a new person (code, login, password, name → recovery codes), or someone
 * signed in joining another group (code and a new name). The steps keep their place when the
 * sign-in that redeeming brings makes "who am I" change under them.
 */
export function JoinFlow({ me, onFinished }: JoinFlowProps) {
  const { t } = useTranslation();
  const mutation = useRedeem();
  const [state, setState] = useState<Step>({ step: 'form' });

  if (state.step === 'codes') return <RecoveryCodesStep codes={state.codes} onContinue={onFinished} />;
  if (state.step === 'joined') return <JoinedStep displayName={state.displayName} onFinished={onFinished} />;

  // Redeeming signs a new person in before its answer is handled: keep showing their form meanwhile.
  const newPerson = me === null || (!mutation.isIdle && mutation.variables?.login !== undefined);
  const signedIn = me && !newPerson ? me : null;
  const isStaff = Boolean(signedIn && signedIn.account.role !== 'participant');
  return (
    <div className="page page-narrow">
      <h1>{signedIn && !isStaff ? t('referralJourney.join.titleAnother') : t('referralJourney.join.title')}</h1>
      {me === undefined ? <Loading label={t('app.loading')} /> : null}
      {newPerson ? (
        <>
          <p className="lead">{t('referralJourney.join.intro')}</p>
          <p>{t('referralJourney.join.privacy')}</p>
        </>
      ) : null}
      {signedIn && !isStaff ? <p className="lead">{t('referralJourney.join.introAnother')}</p> : null}
      {isStaff ? <Notice tone="info">{t('referralJourney.join.errors.staff')}</Notice> : null}
      {mutation.isError ? <Notice tone="error">{joinErrorText(t, mutation.error)}</Notice> : null}
      {newPerson ? (
        <NewPersonForm
          isBusy={mutation.isPending}
          onSubmit={(body) =>
            mutation.mutate(body, { onSuccess: (answer) => setState({ step: 'codes', codes: answer.recoveryCodes }) })
          }
        />
      ) : null}
      {signedIn && !isStaff ? (
        <JoinAnotherForm
          login={signedIn.account.login}
          isBusy={mutation.isPending}
          onSubmit={(body) =>
            mutation.mutate(body, {
              onSuccess: (answer) => setState({ step: 'joined', displayName: answer.membership.displayName }),
            })
          }
        />
      ) : null}
    </div>
  );
}
