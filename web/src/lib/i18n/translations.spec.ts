import da from './da.json';
import en from './en.json';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]).sort();
}

describe('translations', () => {
  const danish = leaves(da as Tree);
  const english = leaves(en as Tree);

  it('has the same keys in Danish and English', () => {
    const onlyDanish = [...danish.keys()].filter((key) => !english.has(key));
    const onlyEnglish = [...english.keys()].filter((key) => !danish.has(key));
    expect({ onlyDanish, onlyEnglish }).toEqual({ onlyDanish: [], onlyEnglish: [] });
    expect(danish.size).toBeGreaterThan(50);
  });

  it('has no empty text and the same placeholders in both languages', () => {
    for (const [key, text] of danish) {
      expect([key, text.trim().length > 0]).toEqual([key, true]);
      expect([key, placeholders(text)]).toEqual([key, placeholders(english.get(key) ?? '')]);
    }
  });

  it('detects a missing key (the comparison itself works)', () => {
    const broken = leaves({ ...(en as Tree), extra: { only: 'here' } });
    expect([...broken.keys()].filter((key) => !danish.has(key))).toEqual(['extra.only']);
  });
});
