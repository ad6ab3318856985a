import { useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { MODERATION_LIMITS, type HelpLineEntry } from '@tryg/shared';
import { Button } from '../../../components/ui/button';
import { Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { Panel } from '../../../components/ui/panel';
import { TextField } from '../../../components/ui/text-field';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useAdminHelpLines, useReplaceHelpLines } from '../api/admin-help-lines';
import {
  checkHelpLineField,
  emptyDraft,
  moveDraft,
  toDraft,
  toEntries,
  type HelpLineDraft,
  type HelpLineField,
} from '../help-lines-form';

/**
 * The help lines shown to a member in crisis, in Danish and English. A wrong number does harm,
 * so nothing is filled in for the admin: the list starts as the server's defaults.
 */
export function HelpLinesPanel() {
  const { t } = useTranslation();
  const lines = useAdminHelpLines();
  return (
    <Panel title={t('moderation.helpLines.title')}>
      <p>{t('moderation.helpLines.intro')}</p>
      <Notice tone="info">{t('moderation.helpLines.check')}</Notice>
      {lines.isPending ? <Loading label={t('app.loading')} /> : null}
      {lines.isError ? <Notice tone="error">{errorMessage(t, lines.error)}</Notice> : null}
      {lines.data ? <HelpLinesForm initial={lines.data.lines} /> : null}
    </Panel>
  );
}

function HelpLinesForm({ initial }: { initial: HelpLineEntry[] }) {
  const { t } = useTranslation();
  const replace = useReplaceHelpLines();
  const [drafts, setDrafts] = useState<HelpLineDraft[]>(() => initial.map(toDraft));
  const set = (key: string, field: HelpLineField) => (value: string) =>
    setDrafts((current) => current.map((draft) => (draft.key === key ? { ...draft, [field]: value } : draft)));
  const problemText = (field: HelpLineField) => (value: string) => {
    const problem = checkHelpLineField(field, value);
    if (problem === 'required') return t('form.required');
    if (problem === 'number') return t('moderation.helpLines.numberInvalid');
    if (problem === 'too-long') return t('moderation.helpLines.tooLong', { max: MODERATION_LIMITS.helpLineTextMax });
    return null;
  };
  const field = (draft: HelpLineDraft, name: HelpLineField, isRequired = false) => (
    <TextField
      label={t(`moderation.helpLines.field.${name}`)}
      name={name}
      value={draft[name]}
      onChange={set(draft.key, name)}
      isRequired={isRequired}
      inputMode={name === 'number' ? 'numeric' : undefined}
      validate={problemText(name)}
    />
  );
  return (
    <Form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        const entries = toEntries(drafts);
        if (replace.isPending || entries === null) return;
        replace.mutate(entries, { onSuccess: (answer) => setDrafts(answer.lines.map(toDraft)) });
      }}
    >
      {drafts.length === 0 ? <p>{t('moderation.helpLines.empty')}</p> : null}
      <ol className="help-line-drafts">
        {drafts.map((draft, index) => (
          <li key={draft.key}>
            <fieldset className="help-line-draft">
              <legend className="field-label">
                {t('moderation.helpLines.lineLegend', { number: index + 1, name: draft.nameDa || draft.number })}
              </legend>
              {field(draft, 'number', true)}
              <div className="two-languages">
                {field(draft, 'nameDa', true)}
                {field(draft, 'nameEn', true)}
                {field(draft, 'hoursDa')}
                {field(draft, 'hoursEn')}
                {field(draft, 'descriptionDa')}
                {field(draft, 'descriptionEn')}
              </div>
              <div className="item-actions">
                <Button
                  variant="quiet"
                  isDisabled={index === 0}
                  aria-label={t('moderation.helpLines.upLabel', { number: index + 1 })}
                  onPress={() => setDrafts((current) => moveDraft(current, draft.key, -1))}
                >
                  {t('moderation.helpLines.up')}
                </Button>
                <Button
                  variant="quiet"
                  isDisabled={index === drafts.length - 1}
                  aria-label={t('moderation.helpLines.downLabel', { number: index + 1 })}
                  onPress={() => setDrafts((current) => moveDraft(current, draft.key, 1))}
                >
                  {t('moderation.helpLines.down')}
                </Button>
                <Button
                  variant="quiet"
                  aria-label={t('moderation.helpLines.removeLabel', { number: index + 1 })}
                  onPress={() => setDrafts((current) => current.filter((other) => other.key !== draft.key))}
                >
                  {t('moderation.helpLines.remove')}
                </Button>
              </div>
            </fieldset>
          </li>
        ))}
      </ol>
      {drafts.length < MODERATION_LIMITS.helpLinesMax ? (
        <Button variant="secondary" onPress={() => setDrafts((current) => [...current, emptyDraft()])}>
          {t('moderation.helpLines.add')}
        </Button>
      ) : null}
      {replace.isError ? <Notice tone="error">{errorMessage(t, replace.error)}</Notice> : null}
      {replace.isSuccess ? <Notice tone="success">{t('moderation.helpLines.saved')}</Notice> : null}
      <Button type="submit" isBusy={replace.isPending}>
        {t('moderation.helpLines.save')}
      </Button>
    </Form>
  );
}
