import { useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { MODERATION_LIMITS, type WatchAction, type WatchedWord } from '@tryg/shared';
import { Button } from '../../../components/ui/button';
import { Notice } from '../../../components/ui/notice';
import { RadioField } from '../../../components/ui/radio-field';
import { TextField } from '../../../components/ui/text-field';
import { errorMessage } from '../../../lib/i18n/error-message';
import { checkWatchedWord } from '../moderation-rules';

export interface WatchedWordsEditorProps {
  words: readonly WatchedWord[];
  /** Saves the whole new list (the API replaces it). */
  onSave: (words: WatchedWord[]) => void;
  isSaving: boolean;
  error: unknown;
  /** Names the list for screen readers ("The group's own words"). */
  listLabel: string;
}

/** A list of watched words with what each does; adding or removing one saves at once. */
export function WatchedWordsEditor({ words, onSave, isSaving, error, listLabel }: WatchedWordsEditorProps) {
  const { t } = useTranslation();
  const [pattern, setPattern] = useState('');
  const [action, setAction] = useState<WatchAction>('hold');
  const actionOptions = (['hold', 'crisis'] as const).map((value) => ({
    value,
    label: t(`moderation.words.action.${value}`),
    hint: t(`moderation.words.actionHint.${value}`),
  }));
  return (
    <div className="watched-words">
      {error ? <Notice tone="error">{errorMessage(t, error)}</Notice> : null}
      {words.length === 0 ? <p className="muted">{t('moderation.words.empty')}</p> : null}
      {words.length > 0 ? (
        <ul className="item-list" aria-label={listLabel}>
          {words.map((word) => (
            <li key={`${word.pattern}:${word.action}`} className="item item-row">
              <span>
                <span className="word-pattern" dir="auto">
                  {word.pattern}
                </span>
                <span className="badge">{t(`moderation.words.action.${word.action}`)}</span>
              </span>
              <Button
                variant="quiet"
                isBusy={isSaving}
                aria-label={t('moderation.words.removeLabel', { word: word.pattern })}
                onPress={() => onSave(words.filter((other) => other !== word))}
              >
                {t('moderation.words.remove')}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      <Form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          if (isSaving || checkWatchedWord(pattern, words) !== null) return;
          onSave([...words, { pattern: pattern.trim(), action }]);
          setPattern('');
        }}
      >
        <TextField
          label={t('moderation.words.newLabel')}
          name="pattern"
          value={pattern}
          onChange={setPattern}
          description={t('moderation.words.newHint')}
          isRequired
          validate={(text) => {
            const problem = checkWatchedWord(text, words);
            return problem
              ? t(`moderation.words.problem.${problem}`, {
                  max: MODERATION_LIMITS.watchedWordMax,
                  limit: MODERATION_LIMITS.watchedWordsMax,
                })
              : null;
          }}
        />
        <RadioField
          legend={t('moderation.words.actionLegend')}
          name="action"
          value={action}
          options={actionOptions}
          onChange={setAction}
        />
        <Button type="submit" variant="secondary" isBusy={isSaving}>
          {t('moderation.words.add')}
        </Button>
      </Form>
    </div>
  );
}
