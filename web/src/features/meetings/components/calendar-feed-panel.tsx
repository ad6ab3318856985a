import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { Notice } from '../../../components/ui/notice';
import { Panel } from '../../../components/ui/panel';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useCreateCalendarToken } from '../api/create-calendar-token';
import { useRevokeCalendarToken } from '../api/revoke-calendar-token';

type CopyState = 'idle' | 'copied' | 'failed';

/**
 * The secret calendar feed: make (or replace) the link, copy it, stop it. The link is its own
 * secret, so it is shown only right after it was made and is never kept in the client.
 */
export function CalendarFeedPanel() {
  const { t } = useTranslation();
  const urlId = useId();
  const urlRef = useRef<HTMLInputElement>(null);
  const create = useCreateCalendarToken();
  const revoke = useRevokeCalendarToken();
  const [copy, setCopy] = useState<CopyState>('idle');
  const url = create.data?.url ?? null;
  const failure = create.error ?? revoke.error;

  const copyUrl = async () => {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setCopy('copied');
    } catch {
      // No clipboard access (older browser, or not allowed): select the text for the person.
      urlRef.current?.select();
      setCopy('failed');
    }
  };

  return (
    <Panel title={t('scheduling.calendar.title')}>
      <p>{t('scheduling.calendar.intro')}</p>
      <p>{t('scheduling.calendar.neutral')}</p>
      {failure ? <Notice tone="error">{errorMessage(t, failure)}</Notice> : null}
      {revoke.isSuccess && !url ? <Notice tone="success">{t('scheduling.calendar.revoked')}</Notice> : null}
      {url ? (
        <div className="calendar-url">
          <Notice tone="info">{t('scheduling.calendar.shownOnce')}</Notice>
          <div className="field">
            <label className="field-label" htmlFor={urlId}>
              {t('scheduling.calendar.urlLabel')}
            </label>
            <input
              id={urlId}
              ref={urlRef}
              className="field-input calendar-url-input"
              value={url}
              readOnly
              spellCheck={false}
              onFocus={(event) => event.currentTarget.select()}
            />
          </div>
          <div role="status">
            {copy === 'copied' ? <p>{t('scheduling.calendar.copied')}</p> : null}
            {copy === 'failed' ? <p>{t('scheduling.calendar.copyFailed')}</p> : null}
          </div>
          <div className="actions actions-start">
            <Button onPress={() => void copyUrl()}>{t('scheduling.calendar.copy')}</Button>
            <Button
              variant="secondary"
              onPress={() => {
                create.reset();
                setCopy('idle');
              }}
            >
              {t('scheduling.calendar.hide')}
            </Button>
          </div>
        </div>
      ) : (
        <>
          <p className="muted">{t('scheduling.calendar.replaceNote')}</p>
          <div className="actions actions-start">
            <Button
              isBusy={create.isPending}
              onPress={() => {
                if (create.isPending) return;
                revoke.reset();
                setCopy('idle');
                create.mutate();
              }}
            >
              {create.isPending ? t('scheduling.calendar.creating') : t('scheduling.calendar.create')}
            </Button>
            <ConfirmDialog
              triggerLabel={t('scheduling.calendar.revoke')}
              title={t('scheduling.calendar.revokeTitle')}
              text={t('scheduling.calendar.revokeText')}
              confirmLabel={t('scheduling.calendar.revokeConfirm')}
              cancelLabel={t('common.cancel')}
              isDisabled={revoke.isPending}
              onConfirm={() => {
                create.reset();
                revoke.mutate();
              }}
            />
          </div>
        </>
      )}
    </Panel>
  );
}
