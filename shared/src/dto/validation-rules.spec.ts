import { validateSync } from 'class-validator';
import { CreateGroupDto } from './groups.dto';
import { NOT_CHAT_TEXT, NOT_PLAIN_TEXT } from './validation-rules';

describe('plain text (free-text fields)', () => {
  it('refuses control characters but tab and line breaks, and lone surrogates; keeps bidi, zero-width, combining and astral characters', () => {
    for (const refused of ['a\u0000b', 'a\u0007', '\u001b[31m', 'a\u007f', 'a\u0085b', '\u009b31m', 'a\uD800b', 'a\uDFFF', '\uDC00\uD800']) expect([refused, NOT_PLAIN_TEXT.test(refused)]).toEqual([refused, true]);
    for (const kept of ['a\tb\nc\r\nd', 'a\u202Eb\u2066c\u2069', 'a\u200Bb\u200Dc\uFEFF', 'e\u0301', '𝕏 😀', 'ﷺ', '\u2028', '\u00A0\u00A9']) expect([kept, NOT_PLAIN_TEXT.test(kept)]).toEqual([kept, false]);
  });

  it('chat text is plain text without carriage returns: lines break with \\n only', () => {
    for (const refused of ['a\r\nb', 'a\rb', 'a\u0085b', 'a\u0000', 'a\uD800']) expect([refused, NOT_CHAT_TEXT.test(refused)]).toEqual([refused, true]);
    for (const kept of ['a\tb\nc', 'a\u202Eb', 'e\u0301', '𝕏 😀']) expect([kept, NOT_CHAT_TEXT.test(kept)]).toEqual([kept, false]);
  });

  it('is applied to a DTO field, naming it', () => {
    const group = (description: string) => Object.assign(new CreateGroupDto(), { name: 'Gruppe', capacity: 10, description });
    expect(validateSync(group('Tirsdag \u202Ekl. 18\u202C'))).toEqual([]);
    const [error] = validateSync(group('half \uD83D a smile'));
    expect([error?.property, Object.keys(error?.constraints ?? {})]).toEqual(['description', ['plainText']]);
  });
});
