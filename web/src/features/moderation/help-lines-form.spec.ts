import type { HelpLineEntry } from '@tryg/shared';
import { checkHelpLineField, emptyDraft, moveDraft, toDraft, toEntries } from './help-lines-form';

const line: HelpLineEntry = {
  number: '25 17 73 74',
  name: { da: 'Dansk Stalking Center', en: 'Danish Stalking Centre' },
  hours: { da: '', en: '' },
  description: { da: 'Gratis rådgivning', en: 'Free advice' },
};

describe('help lines form', () => {
  it('gives back exactly what it was given when nothing changed', () => {
    expect(toEntries([toDraft(line)])).toEqual([line]);
  });

  it('accepts digits and spaces with an optional + only', () => {
    expect(checkHelpLineField('number', '112')).toBeNull();
    expect(checkHelpLineField('number', '+45 33 14 14 48')).toBeNull();
    expect(checkHelpLineField('number', '')).toBe('required');
    expect(checkHelpLineField('number', '11a')).toBe('number');
    expect(checkHelpLineField('number', '1')).toBe('number');
  });

  it('requires both names and refuses to build a body while anything is wrong', () => {
    const draft = { ...emptyDraft(), number: '112', nameDa: 'Alarm 112' };
    expect(checkHelpLineField('nameEn', draft.nameEn)).toBe('required');
    expect(toEntries([draft])).toBeNull();
    expect(toEntries([{ ...draft, nameEn: 'Emergency 112' }])).toEqual([
      {
        number: '112',
        name: { da: 'Alarm 112', en: 'Emergency 112' },
        hours: { da: '', en: '' },
        description: { da: '', en: '' },
      },
    ]);
  });

  it('moves lines up and down and leaves the ends alone', () => {
    const a = toDraft(line);
    const b = { ...toDraft(line), number: '112' };
    expect(moveDraft([a, b], b.key, -1).map((d) => d.key)).toEqual([b.key, a.key]);
    expect(moveDraft([a, b], a.key, -1).map((d) => d.key)).toEqual([a.key, b.key]);
  });
});
