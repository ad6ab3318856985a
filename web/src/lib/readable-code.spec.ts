import {
  foreignCodeCharacters,
  formatReadableCode,
  normalizeReadableCode,
  READABLE_CODE_ALPHABET,
  readableCodeGroups,
} from './readable-code';

describe('readable codes', () => {
  it('uses the API alphabet: 32 characters without the look-alikes 0, O, 1 and I', () => {
    expect(new Set(READABLE_CODE_ALPHABET).size).toBe(32);
    for (const char of '0O1I') expect(READABLE_CODE_ALPHABET).not.toContain(char);
  });

  it('normalises what a person typed: case, spaces and any kind of hyphen', () => {
    expect(normalizeReadableCode(' abcd-efgh ‐jkmn – pqrs\ttuvw ')).toBe('ABCDEFGHJKMNPQRSTUVW');
  });

  it('splits a code into groups of four, whatever separators it came with', () => {
    expect(readableCodeGroups('ABCD-EFGH-JKMN-PQRS-TUVW')).toEqual(['ABCD', 'EFGH', 'JKMN', 'PQRS', 'TUVW']);
    expect(readableCodeGroups('abcdefghj')).toEqual(['ABCD', 'EFGH', 'J']);
    expect(readableCodeGroups('')).toEqual([]);
  });

  it('formats a code for reading aloud and for the slip', () => {
    expect(formatReadableCode('ABCD-EFGH-JKMN-PQRS-TUVW')).toBe('ABCD EFGH JKMN PQRS TUVW');
    expect(formatReadableCode('abcd efgh', '-')).toBe('ABCD-EFGH');
  });

  it('names the characters a code can never contain, once each', () => {
    expect(foreignCodeCharacters('ABCD-0O0I-1234')).toEqual(['0', 'O', 'I', '1']);
    expect(foreignCodeCharacters('abcd-efgh')).toEqual([]);
  });
});
