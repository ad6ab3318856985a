import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '@tryg/shared';
import da from './da.json';
import en from './en.json';
import { onClientStateReset } from '../client-state';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    // Danish is the source; the key-set test keeps English equal to it.
    resources: { translation: typeof da };
  }
}

export const translations = { da, en } as const;

/** Our own instance, so tests and the app never share hidden global state. */
export const i18n = i18next.createInstance();

export function isLocale(value: unknown): value is Locale {
  return (LOCALES as readonly unknown[]).includes(value);
}

/** Before sign-in: the first supported language the browser asks for, else Danish. */
export function preferredLocale(languages: readonly string[]): Locale {
  for (const language of languages) {
    const base = language.toLowerCase().split('-')[0];
    if (isLocale(base)) return base;
  }
  return DEFAULT_LOCALE;
}

export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE;
}

function syncDocumentLanguage(language: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

export function initI18n(locale: Locale): typeof i18n {
  if (!i18n.isInitialized) {
    i18n.on('languageChanged', syncDocumentLanguage);
    void i18n.use(initReactI18next).init({
      resources: { da: { translation: da }, en: { translation: en } },
      lng: locale,
      fallbackLng: DEFAULT_LOCALE,
      supportedLngs: [...LOCALES],
      interpolation: { escapeValue: false },
      initAsync: false,
    });
  }
  syncDocumentLanguage(locale);
  return i18n;
}

export function changeLocale(locale: Locale): void {
  if (i18n.language !== locale) void i18n.changeLanguage(locale);
}

/*
 * A language picked before sign-in is kept in memory only (never in storage: nothing on the
 * device should hint at Tryg) and saved to the account once the person signs in.
 */
let choiceBeforeSignIn: Locale | null = null;

export function rememberChoiceBeforeSignIn(locale: Locale): void {
  choiceBeforeSignIn = locale;
}

export function takeChoiceBeforeSignIn(): Locale | null {
  const choice = choiceBeforeSignIn;
  choiceBeforeSignIn = null;
  return choice;
}

onClientStateReset(() => {
  choiceBeforeSignIn = null;
});
