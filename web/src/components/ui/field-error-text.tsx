import { FieldError } from 'react-aria-components';
import { useTranslation } from 'react-i18next';

/**
 * A field's error in the app's language. React Aria reports the browser's own check (a required
 * field left empty) with the browser's words and language; those are replaced by ours, while a
 * form's own checks (`validate`) keep their translated messages.
 */
export function FieldErrorText() {
  const { t } = useTranslation();
  return (
    <FieldError className="field-error">
      {({ validationDetails, validationErrors }) => {
        if (validationDetails.valueMissing) return t('form.required');
        if (validationDetails.customError) return validationErrors.join(' ');
        return t('form.invalid');
      }}
    </FieldError>
  );
}
