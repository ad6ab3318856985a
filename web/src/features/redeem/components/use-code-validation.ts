import { useTranslation } from 'react-i18next';
import { codeProblem, CODE_LENGTH } from '../join-form-rules';

/** A translated message for a code that cannot be right as typed (see codeProblem). */
export function useCodeValidation(): (value: string) => string | null {
  const { t } = useTranslation();
  return (value: string) => {
    const problem = codeProblem(value);
    if (!problem) return null;
    switch (problem.kind) {
      case 'required':
        return t('form.required');
      case 'foreign':
        return t('referralJourney.join.codeProblems.foreign', { characters: problem.characters.join(', ') });
      case 'length':
        return t('referralJourney.join.codeProblems.length', { expected: CODE_LENGTH, count: problem.length });
    }
  };
}
