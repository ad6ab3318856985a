import type { TFunction } from 'i18next';
import { ApiError } from '../api-client';
import { translations } from './i18n';

type KnownCode = keyof typeof translations.da.errors;

function isKnownCode(code: string): code is KnownCode {
  return Object.hasOwn(translations.da.errors, code) && code !== 'generic';
}

/** A calm, translated sentence for any failure; the server's English message is never shown. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (error instanceof ApiError && isKnownCode(error.code)) return t(`errors.${error.code}`);
  return t('errors.generic');
}
