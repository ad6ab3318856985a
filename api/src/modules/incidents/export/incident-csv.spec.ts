import { csvCell } from './incident-csv';

describe(csvCell.name, () => {
  it.each([
    ['=1+2', "'=1+2"],
    ['+45 12 34', "'+45 12 34"],
    ['-3', "'-3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\r=evil', `"'\r=evil"`],
  ])('neutralises %j as %j', (input, output) => {
    expect(csvCell(input)).toBe(output);
  });

  it('quotes separators, quotes and line breaks, and leaves plain text alone', () => {
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell('plain text')).toBe('plain text');
    expect(csvCell('a = b')).toBe('a = b');
    expect(csvCell(null)).toBe('');
    expect(csvCell(3)).toBe('3');
  });
});
