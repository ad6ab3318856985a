import { useTranslation } from 'react-i18next';
import { MODERATION_LIMITS } from '@tryg/shared';
import { CheckboxField } from '../../../components/ui/checkbox-field';
import { RadioField } from '../../../components/ui/radio-field';
import { TextAreaField } from '../../../components/ui/text-area-field';
import { TextField } from '../../../components/ui/text-field';
import { currentLocale } from '../../../lib/i18n/i18n';
import { formatDateTime } from '../../../lib/format';
import { checkReason, MUTE_PRESETS, parseMuteMinutes, type MuteChoice } from '../moderation-rules';

/** The reason for an action: required, kept in the moderation log that only facilitators read. */
export function ReasonField({
  value,
  onChange,
  optional = false,
}: {
  value: string;
  onChange: (value: string) => void;
  optional?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <TextAreaField
      label={optional ? `${t('moderation.fields.reason')} (${t('form.optional')})` : t('moderation.fields.reason')}
      name="reason"
      rows={2}
      value={value}
      onChange={onChange}
      maxLength={MODERATION_LIMITS.reasonMax}
      description={t('moderation.fields.reasonHint')}
      isRequired={!optional}
      validate={(text) => {
        const problem = checkReason(text);
        if (problem === 'missing') return optional ? null : t('moderation.fields.reasonMissing');
        return problem === 'too-long'
          ? t('moderation.fields.reasonTooLong', { max: MODERATION_LIMITS.reasonMax })
          : null;
      }}
    />
  );
}

/** How long a mute lasts: 15 minutes, an hour, a day, or a number of minutes up to a week. */
export function MuteLengthField({
  choice,
  custom,
  onChoice,
  onCustom,
}: {
  choice: MuteChoice;
  custom: string;
  onChoice: (choice: MuteChoice) => void;
  onCustom: (value: string) => void;
}) {
  const { t } = useTranslation();
  const options = [
    ...MUTE_PRESETS.map((minutes) => ({
      value: `${minutes}` as MuteChoice,
      label: t(`moderation.fields.mute${minutes}`),
    })),
    { value: 'custom' as MuteChoice, label: t('moderation.fields.muteCustom') },
  ];
  return (
    <>
      <RadioField
        legend={t('moderation.fields.muteLength')}
        name="muteLength"
        value={choice}
        options={options}
        onChange={onChoice}
      />
      {choice === 'custom' ? (
        <TextField
          label={t('moderation.fields.muteMinutes')}
          name="minutes"
          value={custom}
          onChange={onCustom}
          inputMode="numeric"
          description={t('moderation.fields.muteMinutesHint', { max: MODERATION_LIMITS.muteMaxMinutes })}
          isRequired
          validate={(text) =>
            parseMuteMinutes(text) === null
              ? t('moderation.fields.muteMinutesInvalid', { max: MODERATION_LIMITS.muteMaxMinutes })
              : null
          }
        />
      ) : null}
    </>
  );
}

/** "Also remove their messages": every message the member wrote in the group becomes a tombstone. */
export function RemoveMessagesField({ checked, onChange }: { checked: boolean; onChange: (checked: boolean) => void }) {
  const { t } = useTranslation();
  return (
    <CheckboxField
      label={t('moderation.fields.removeMessages')}
      name="removeMessages"
      checked={checked}
      onChange={onChange}
      description={t('moderation.fields.removeMessagesHint')}
    />
  );
}

/** A moment in the page's language (and the group's time zone when known). */
export function When({ iso, timeZone }: { iso: string; timeZone?: string }) {
  return <time dateTime={iso}>{formatDateTime(iso, currentLocale(), new Date(), timeZone)}</time>;
}

/** The text of a message as a facilitator sees it: the original even after removal. */
export function QuotedMessage({ body, name }: { body: string | null; name: string | null }) {
  const { t } = useTranslation();
  return (
    <figure className="moderation-quote">
      <figcaption className="muted">{name ?? t('moderation.formerMember')}</figcaption>
      <blockquote dir="auto">{body ?? t('moderation.noText')}</blockquote>
    </figure>
  );
}
