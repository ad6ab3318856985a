import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { INCIDENT_CONTACT_TYPES, INCIDENT_LIMITS } from '@tryg/shared';
import { Button } from '../../../components/ui/button';
import { Notice } from '../../../components/ui/notice';
import {
  newEvidence,
  validateFormValues,
  type ChildrenAnswer,
  type EvidenceValues,
  type FormProblem,
  type IncidentFormValues,
} from '../lib/incident-form-values';
import { CheckboxField, FormSection, InputField, RadioGroupField, SelectField, TextAreaField } from './form-fields';
import { DateField, TimeField } from '../../../components/ui/date-time-fields';

export interface IncidentFormProps {
  initial: IncidentFormValues;
  submitLabel: string;
  busyLabel: string;
  isBusy: boolean;
  /** A translated message about the last failed save. */
  saveError: string | null;
  onSubmit: (values: IncidentFormValues) => void;
}

const CHILDREN_ANSWERS: readonly ChildrenAnswer[] = ['yes', 'no', 'unsaid'];

/**
 * The guided logskema: one short prompt per field, in the order the police and Dansk Stalking
 * Center use. Only when, type and what happened are required; everything else helps if known.
 */
export function IncidentForm({ initial, submitLabel, busyLabel, isBusy, saveError, onSubmit }: IncidentFormProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const [attempted, setAttempted] = useState(false);
  const [focusRequest, setFocusRequest] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const evidenceInputs = useRef(new Map<string, HTMLInputElement>());
  const focusEvidence = useRef<string | null>(null);

  // After a refused submit, the problems follow the typing, so a fixed field loses its message.
  const problems = attempted ? validateFormValues(values) : {};
  const hasProblems = Object.keys(problems).length > 0;

  useEffect(() => {
    if (focusRequest === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusRequest]);

  useEffect(() => {
    const key = focusEvidence.current;
    if (!key) return;
    focusEvidence.current = null;
    if (key === 'add') formRef.current?.querySelector<HTMLElement>('[data-evidence-add]')?.focus();
    else evidenceInputs.current.get(key)?.focus();
  }, [values.evidence]);

  function set<K extends keyof IncidentFormValues>(key: K) {
    return (value: IncidentFormValues[K]) => setValues((current) => ({ ...current, [key]: value }));
  }

  function setEvidence(index: number, field: 'description' | 'keptWhere', text: string) {
    setValues((current) => ({
      ...current,
      evidence: current.evidence.map((item, i) => (i === index ? { ...item, [field]: text } : item)),
    }));
  }

  function message(problem: FormProblem | undefined): string | null {
    if (!problem) return null;
    switch (problem.kind) {
      case 'required':
        return t('incidentLog.form.errors.required');
      case 'tooLong':
        return t('incidentLog.form.errors.tooLong', { max: problem.max });
      case 'invalidDate':
        return t('incidentLog.form.errors.invalidDate');
      case 'invalidTime':
        return t('incidentLog.form.errors.invalidTime');
      case 'future':
        return t('incidentLog.form.errors.future');
      case 'tooEarly':
        return t('incidentLog.form.errors.tooEarly');
    }
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isBusy) return;
    setAttempted(true);
    if (Object.keys(validateFormValues(values)).length > 0) {
      setFocusRequest((n) => n + 1);
      return;
    }
    onSubmit(values);
  }

  const contactOptions = INCIDENT_CONTACT_TYPES.map((type) => ({
    value: type,
    label: t(`incidentLog.contactTypes.${type}`),
  }));
  const childrenOptions = CHILDREN_ANSWERS.map((answer) => ({
    value: answer,
    label: t(`incidentLog.form.children.${answer}`),
  }));

  return (
    <form ref={formRef} className="form log-form" noValidate onSubmit={submit}>
      <p>{t('incidentLog.form.intro')}</p>
      {attempted && hasProblems ? <Notice tone="error">{t('incidentLog.form.errors.summary')}</Notice> : null}
      {saveError ? <Notice tone="error">{saveError}</Notice> : null}

      <FormSection title={t('incidentLog.form.when.title')}>
        <div className="log-row">
          <DateField
            label={t('incidentLog.form.when.date')}
            labelExtra={<span className="log-required">{t('incidentLog.form.requiredMark')}</span>}
            name="date"
            value={values.date}
            onChange={set('date')}
            isRequired
            error={message(problems.date)}
          />
          <TimeField
            label={t('incidentLog.form.when.time')}
            labelExtra={<span className="log-required">{t('incidentLog.form.requiredMark')}</span>}
            name="time"
            value={values.time}
            onChange={set('time')}
            isRequired
            error={message(problems.time)}
          />
        </div>
        <CheckboxField
          label={t('incidentLog.form.when.approx')}
          hint={t('incidentLog.form.when.approxHint')}
          name="approx"
          checked={values.approx}
          onChange={set('approx')}
        />
      </FormSection>

      <FormSection title={t('incidentLog.form.how.title')}>
        <SelectField
          label={t('incidentLog.form.how.contactType')}
          hint={t('incidentLog.form.how.contactTypeHint')}
          name="contactType"
          value={values.contactType}
          onChange={set('contactType')}
          options={contactOptions}
          emptyLabel={t('incidentLog.form.how.choose')}
          isRequired
          error={message(problems.contactType)}
        />
        <InputField
          label={t('incidentLog.form.how.place')}
          hint={t('incidentLog.form.how.placeHint')}
          name="place"
          value={values.place}
          onChange={set('place')}
          error={message(problems.place)}
        />
      </FormSection>

      <FormSection title={t('incidentLog.form.what.title')}>
        <TextAreaField
          label={t('incidentLog.form.what.description')}
          hint={t('incidentLog.form.what.descriptionHint')}
          name="description"
          value={values.description}
          onChange={set('description')}
          rows={6}
          isRequired
          error={message(problems.description)}
        />
      </FormSection>

      <FormSection title={t('incidentLog.form.others.title')}>
        <TextAreaField
          label={t('incidentLog.form.others.witnesses')}
          hint={t('incidentLog.form.others.witnessesHint')}
          name="witnesses"
          value={values.witnesses}
          onChange={set('witnesses')}
          rows={3}
          error={message(problems.witnesses)}
        />
        <RadioGroupField
          legend={t('incidentLog.form.children.legend')}
          name="childrenPresent"
          value={values.children}
          onChange={set('children')}
          options={childrenOptions}
        />
      </FormSection>

      <FormSection title={t('incidentLog.form.evidence.title')} intro={t('incidentLog.form.evidence.intro')}>
        {values.evidence.map((item: EvidenceValues, index) => (
          <fieldset key={item.key} className="log-evidence">
            <legend className="field-label">{t('incidentLog.form.evidence.item', { number: index + 1 })}</legend>
            <InputField
              label={t('incidentLog.form.evidence.description')}
              hint={t('incidentLog.form.evidence.descriptionHint')}
              name={`evidence-${index}-description`}
              value={item.description}
              onChange={(text) => setEvidence(index, 'description', text)}
              error={message(problems[`evidence.${index}.description`])}
              inputRef={(element) => {
                if (element) evidenceInputs.current.set(item.key, element);
                else evidenceInputs.current.delete(item.key);
              }}
            />
            <InputField
              label={t('incidentLog.form.evidence.keptWhere')}
              hint={t('incidentLog.form.evidence.keptWhereHint')}
              name={`evidence-${index}-keptWhere`}
              value={item.keptWhere}
              onChange={(text) => setEvidence(index, 'keptWhere', text)}
              error={message(problems[`evidence.${index}.keptWhere`])}
            />
            <Button
              variant="quiet"
              onPress={() => {
                focusEvidence.current = 'add';
                setValues((current) => ({ ...current, evidence: current.evidence.filter((e) => e.key !== item.key) }));
              }}
            >
              {t('incidentLog.form.evidence.remove', { number: index + 1 })}
            </Button>
          </fieldset>
        ))}
        {values.evidence.length < INCIDENT_LIMITS.evidenceItems ? (
          <Button
            variant="secondary"
            data-evidence-add
            onPress={() => {
              const item = newEvidence();
              focusEvidence.current = item.key;
              setValues((current) => ({ ...current, evidence: [...current.evidence, item] }));
            }}
          >
            {values.evidence.length === 0
              ? t('incidentLog.form.evidence.addFirst')
              : t('incidentLog.form.evidence.add')}
          </Button>
        ) : null}
      </FormSection>

      <FormSection title={t('incidentLog.form.police.title')} intro={t('incidentLog.form.police.intro')}>
        <InputField
          label={t('incidentLog.form.police.journalNumber')}
          name="journalNumber"
          value={values.journalNumber}
          onChange={set('journalNumber')}
          error={message(problems.journalNumber)}
        />
        <InputField
          label={t('incidentLog.form.police.officer')}
          name="officer"
          value={values.officer}
          onChange={set('officer')}
          error={message(problems.officer)}
        />
        <DateField
          label={t('incidentLog.form.police.date')}
          name="policeDate"
          value={values.policeDate}
          onChange={set('policeDate')}
          error={message(problems.policeDate)}
        />
      </FormSection>

      <FormSection title={t('incidentLog.form.effect.title')}>
        <TextAreaField
          label={t('incidentLog.form.effect.label')}
          hint={t('incidentLog.form.effect.hint')}
          name="effect"
          value={values.effect}
          onChange={set('effect')}
          rows={4}
          error={message(problems.effect)}
        />
      </FormSection>

      <FormSection
        className="log-private"
        title={t('incidentLog.form.private.title')}
        intro={t('incidentLog.form.private.intro')}
      >
        <TextAreaField
          label={t('incidentLog.form.private.thoughts')}
          hint={t('incidentLog.form.private.thoughtsHint')}
          name="thoughts"
          value={values.thoughts}
          onChange={set('thoughts')}
          rows={4}
          error={message(problems.thoughts)}
        />
        <TextAreaField
          label={t('incidentLog.form.private.safetyNotes')}
          hint={t('incidentLog.form.private.safetyNotesHint')}
          name="safetyNotes"
          value={values.safetyNotes}
          onChange={set('safetyNotes')}
          rows={3}
          error={message(problems.safetyNotes)}
        />
      </FormSection>

      <FormSection title={t('incidentLog.form.key.title')}>
        <CheckboxField
          label={t('incidentLog.form.key.label')}
          hint={t('incidentLog.form.key.hint')}
          name="keyExample"
          checked={values.keyExample}
          onChange={set('keyExample')}
        />
      </FormSection>

      <Button type="submit" isBusy={isBusy}>
        {isBusy ? busyLabel : submitLabel}
      </Button>
    </form>
  );
}
