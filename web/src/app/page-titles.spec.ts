import da from '../lib/i18n/da.json';
import en from '../lib/i18n/en.json';
import { FORBIDDEN_TITLE_WORDS } from './page-title-words';
import { PAGES } from './pages';

function titleOf(text: typeof da, page: keyof typeof da.titles): string {
  return text.app.titleFormat.replace('{{page}}', text.titles[page]);
}

describe('page titles', () => {
  const languages = [
    ['da', da],
    ['en', en],
  ] as const;

  it.each(languages)('are neutral words in %s: none of the forbidden words, whatever the page', (_name, text) => {
    const found = Object.values(PAGES).flatMap((page) => {
      const title = titleOf(text, page.title).toLowerCase();
      return FORBIDDEN_TITLE_WORDS.filter((word) => title.includes(word)).map((word) => `${page.path}: ${word}`);
    });
    expect(found).toEqual([]);
  });

  it.each(languages)('tell the pages apart in %s (WCAG 2.4.2)', (_name, text) => {
    const titles = Object.values(PAGES).map((page) => titleOf(text, page.title));
    expect(new Set(titles).size).toBe(titles.length);
  });

  it('the check catches a title that gives Tryg away (the list works)', () => {
    const leaky = 'Min log · Tryg'.toLowerCase();
    expect(FORBIDDEN_TITLE_WORDS.filter((word) => leaky.includes(word))).toEqual(['log']);
  });
});
