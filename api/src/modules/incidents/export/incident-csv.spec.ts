import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { csvCell } from './incident-csv';

/** What the cell should read as in a spreadsheet: the text, with a leading `'` where it would start a formula. */
const shown = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

describe(csvCell.name, () => {
  // Texts made of what breaks CSV: the separator, quotes, line breaks, formula starts, spaces at the ends.
  const text = fc
    .array(fc.constantFrom(';', '"', '\n', '\r', '\r\n', '=', '+', '-', '@', '\t', ' ', 'a', 'æ', ',', "'"), { maxLength: 12 })
    .map((parts) => parts.join(''));

  it('quotes a cell holding the separator, a quote or a line break, so a real CSV parser reads the rows back cell for cell', () => {
    fc.assert(
      fc.property(fc.array(fc.array(text, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }), (rows) => {
        const width = Math.max(...rows.map((r) => r.length));
        const padded = rows.map((r) => [...r, ...Array<string>(width - r.length).fill('')]);
        const file = padded.map((cells) => cells.map((cell) => csvCell(cell)).join(';')).join('\r\n') + '\r\n';
        const parsed = parse(file, { delimiter: ';', record_delimiter: '\r\n', relax_column_count: false }) as string[][];
        expect(parsed).toEqual(padded.map((cells) => cells.map(shown)));
      }),
      { seed: 20_261_206, numRuns: 300 },
    );
  });

  it('quotes the separator, a quote and a line break in addition to the formula prefix', () => {
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('one\ntwo')).toBe('"one\ntwo"');
    expect(csvCell('=1;2')).toBe('"\'=1;2"');
  });
});
