import type { TFunction } from 'i18next';
import { ApiError } from '../api-client';
import { i18n, type Translation } from './i18n';

type KnownCode = keyof Translation['errors'];

function isKnownCode(code: string): code is KnownCode {
  // Every language holds every key (tested): the one in use tells which codes have a sentence.
  return code !== 'generic' && i18n.exists(`errors.${code}`);
}

/** A calm, translated sentence for any failure; the server's English message is never shown. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (error instanceof ApiError && isKnownCode(error.code)) return t(`errors.${error.code}`);
  return t('errors.generic');
}
