import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTENT_WARNING_MAX, MESSAGE_MAX_CODE_POINTS } from '@tryg/shared';
import { Button } from '../../../components/ui/button';
import { codePointLength, prepareOutgoing } from '../inert-text';

export interface ComposerProps {
  /** False while the room cannot take messages (closed, read-only, waiting, paused). */
  canSend: boolean;
  onSend: (body: string, contentWarning: string | null) => void;
  onTyping: () => void;
}

/** Writing a message: Enter sends, Shift+Enter makes a new line; an optional content warning. */
export function Composer({ canSend, onSend, onTyping }: ComposerProps) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const [warningOpen, setWarningOpen] = useState(false);
  const [warning, setWarning] = useState('');
  const textarea = useRef<HTMLTextAreaElement>(null);
  const ids = {
    body: useId(),
    hint: useId(),
    count: useId(),
    blocked: useId(),
    warning: useId(),
    warningHint: useId(),
  };

  const length = codePointLength(prepareOutgoing(body));
  const tooLong = length > MESSAGE_MAX_CODE_POINTS;
  const ready = canSend && length > 0 && !tooLong;

  const submit = () => {
    if (!ready) return;
    const cw = warningOpen ? warning.trim() : '';
    onSend(prepareOutgoing(body), cw === '' ? null : cw);
    setBody('');
    setWarning('');
    setWarningOpen(false);
    textarea.current?.focus();
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // Enter sends; Shift+Enter is a new line; Enter that ends a composition (IME) is left alone.
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    submit();
  };

  const describedBy = [ids.hint, ids.count, canSend ? null : ids.blocked].filter(Boolean).join(' ');
  return (
    <form className="composer" onSubmit={onSubmit}>
      <div className="field">
        <label className="field-label" htmlFor={ids.body}>
          {t('liveRoom.composer.label')}
        </label>
        <p className="field-description" id={ids.hint}>
          {t('liveRoom.composer.hint')}
        </p>
        <textarea
          id={ids.body}
          ref={textarea}
          className="field-input composer-input"
          name="body"
          rows={3}
          dir="auto"
          value={body}
          aria-describedby={describedBy}
          aria-invalid={tooLong || undefined}
          onChange={(event) => {
            setBody(event.target.value);
            if (event.target.value.trim() !== '') onTyping();
          }}
          onKeyDown={onKeyDown}
        />
        <p className={tooLong ? 'composer-count field-error' : 'composer-count'} id={ids.count}>
          {tooLong
            ? t('liveRoom.composer.tooLong', { count: length, max: MESSAGE_MAX_CODE_POINTS })
            : t('liveRoom.composer.count', { count: length, max: MESSAGE_MAX_CODE_POINTS })}
        </p>
      </div>
      {warningOpen ? (
        <div className="field">
          <label className="field-label" htmlFor={ids.warning}>
            {t('liveRoom.composer.warningLabel')}
          </label>
          <p className="field-description" id={ids.warningHint}>
            {t('liveRoom.composer.warningHint')}
          </p>
          <input
            id={ids.warning}
            className="field-input"
            name="contentWarning"
            value={warning}
            maxLength={CONTENT_WARNING_MAX}
            aria-describedby={ids.warningHint}
            onChange={(event) => setWarning(event.target.value)}
          />
        </div>
      ) : null}
      {canSend ? null : (
        <p className="composer-blocked" id={ids.blocked}>
          {t('liveRoom.composer.cannotSend')}
        </p>
      )}
      <div className="composer-actions">
        <Button
          variant="quiet"
          aria-expanded={warningOpen}
          onPress={() => {
            setWarningOpen(!warningOpen);
            if (warningOpen) setWarning('');
          }}
        >
          {warningOpen ? t('liveRoom.composer.removeWarning') : t('liveRoom.composer.addWarning')}
        </Button>
        <Button type="submit" isDisabled={!ready}>
          {t('liveRoom.composer.send')}
        </Button>
      </div>
    </form>
  );
}
