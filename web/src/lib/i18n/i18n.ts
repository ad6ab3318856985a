import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '@tryg/shared';
import { onClientStateReset } from '../client-state';
import type danish from './da.json';

/** One language's texts; Danish is the source, and the key-set test keeps English equal to it. */
export type Translation = typeof danish;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Translation };
  }
}

/**
 * Each language is its own chunk, fetched when it is first needed: a page downloads one language,
 * not both (they are a large share of the first page's JavaScript).
 */
async function loadTranslation(locale: Locale): Promise<Translation> {
  switch (locale) {
    case 'da':
      return (await import('./da.json')).default;
    case 'en':
      return (await import('./en.json')).default as Translation;
  }
}

const loaded: Partial<Record<Locale, Translation>> = {};

/** Makes languages known without fetching them (the unit tests register both). */
export function registerTranslations(translations: Partial<Record<Locale, Translation>>): void {
  Object.assign(loaded, translations);
  for (const [locale, translation] of Object.entries(translations)) {
    if (i18n.isInitialized) i18n.addResourceBundle(locale, 'translation', translation, true, true);
  }
}

/** Fetches a language once. */
export async function ensureTranslation(locale: Locale): Promise<void> {
  if (!loaded[locale]) registerTranslations({ [locale]: await loadTranslation(locale) });
}

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
      resources: Object.fromEntries(Object.entries(loaded).map(([lng, translation]) => [lng, { translation }])),
      lng: locale,
      // Every language holds every key (tested), so none falls back to another that is not loaded.
      fallbackLng: false,
      supportedLngs: [...LOCALES],
      interpolation: { escapeValue: false },
      initAsync: false,
    });
  }
  syncDocumentLanguage(locale);
  return i18n;
}

export function changeLocale(locale: Locale): void {
  if (i18n.language === locale) return;
  void ensureTranslation(locale).then(() => i18n.changeLanguage(locale));
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
