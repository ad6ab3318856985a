import { useId, useRef, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTENT_WARNING_MAX, MESSAGE_MAX_CODE_POINTS } from '@tryg/shared';
import { Button } from '../../../components/ui/button';
import { codePointLength, prepareOutgoing } from '../inert-text';
import { EMPTY_DRAFT, type ComposerDraft } from '../composer-draft';

/** The length is shown once a message gets this close to the limit. */
const SHOW_COUNT_FROM = Math.floor(MESSAGE_MAX_CODE_POINTS * 0.9);

export interface ComposerProps {
  /** What is written; kept by the room, so a message that was not sent can be put back. */
  draft: ComposerDraft;
  onDraftChange: (draft: ComposerDraft) => void;
  /** False while the room cannot take messages (closed, read-only, waiting, locked). */
  canSend: boolean;
  /** Slow mode: seconds before the next message may go (0: now); the text stays meanwhile. */
  waitSeconds?: number;
  onSend: (body: string, contentWarning: string | null) => void;
  onTyping: () => void;
  /** Beside the text field, before it (e.g. raising a hand in a round). */
  start?: ReactNode;
}

/**
 * Writing a message, at the bottom of the room: Enter sends, Shift+Enter makes a new line; an
 * optional content warning; a countdown on the send button while slow mode makes me wait.
 */
export function Composer({ draft, onDraftChange, canSend, waitSeconds = 0, onSend, onTyping, start }: ComposerProps) {
  const { t } = useTranslation();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const ids = {
    body: useId(),
    hint: useId(),
    count: useId(),
    blocked: useId(),
    warning: useId(),
    warningHint: useId(),
  };

  const length = codePointLength(prepareOutgoing(draft.body));
  const tooLong = length > MESSAGE_MAX_CODE_POINTS;
  const ready = canSend && waitSeconds === 0 && length > 0 && !tooLong;

  const submit = () => {
    if (!ready) return;
    const cw = draft.warningOpen ? draft.warning.trim() : '';
    onSend(prepareOutgoing(draft.body), cw === '' ? null : cw);
    onDraftChange(EMPTY_DRAFT);
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
      {draft.warningOpen ? (
        <div className="field composer-warning">
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
            value={draft.warning}
            maxLength={CONTENT_WARNING_MAX}
            aria-describedby={ids.warningHint}
            onChange={(event) => onDraftChange({ ...draft, warning: event.target.value })}
          />
        </div>
      ) : null}
      <div className="composer-row">
        {start}
        <label className="visually-hidden" htmlFor={ids.body}>
          {t('liveRoom.composer.label')}
        </label>
        <textarea
          id={ids.body}
          ref={textarea}
          className="field-input composer-input"
          name="body"
          rows={1}
          dir="auto"
          placeholder={t('liveRoom.composer.label')}
          value={draft.body}
          aria-describedby={describedBy}
          aria-invalid={tooLong || undefined}
          onChange={(event) => {
            onDraftChange({ ...draft, body: event.target.value });
            if (event.target.value.trim() !== '') onTyping();
          }}
          onKeyDown={onKeyDown}
        />
        <Button type="submit" className="composer-send" isDisabled={!ready}>
          {waitSeconds > 0 ? t('liveRoom.composer.wait', { count: waitSeconds }) : t('liveRoom.composer.send')}
        </Button>
      </div>
      <div className="composer-meta">
        <Button
          variant="quiet"
          className="composer-warning-toggle"
          aria-expanded={draft.warningOpen}
          onPress={() => onDraftChange({ ...draft, warningOpen: !draft.warningOpen, warning: '' })}
        >
          {draft.warningOpen ? t('liveRoom.composer.removeWarning') : t('liveRoom.composer.addWarning')}
        </Button>
        <p className="composer-hint" id={ids.hint}>
          {t('liveRoom.composer.hint')}
        </p>
        <p
          className={
            tooLong ? 'composer-count field-error' : length >= SHOW_COUNT_FROM ? 'composer-count' : 'visually-hidden'
          }
          id={ids.count}
        >
          {tooLong
            ? t('liveRoom.composer.tooLong', { count: length, max: MESSAGE_MAX_CODE_POINTS })
            : t('liveRoom.composer.count', { count: length, max: MESSAGE_MAX_CODE_POINTS })}
        </p>
      </div>
      {canSend ? null : (
        <p className="composer-blocked" id={ids.blocked}>
          {t('liveRoom.composer.cannotSend')}
        </p>
      )}
    </form>
  );
}
