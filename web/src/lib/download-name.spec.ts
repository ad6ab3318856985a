import { downloadName } from './download-name';

describe(downloadName.name, () => {
  it("keeps the server's neutral name", () => {
    expect(downloadName('attachment; filename="log-2026-11-25.pdf"', 'log.pdf')).toBe('log-2026-11-25.pdf');
    expect(downloadName('attachment; filename=bilag-3.jpg', 'bilag-3')).toBe('bilag-3.jpg');
  });

  it('falls back to our own name when there is none or it looks odd', () => {
    expect(downloadName(null, 'log.csv')).toBe('log.csv');
    expect(downloadName('attachment; filename="../../etc/passwd"', 'log.csv')).toBe('log.csv');
    expect(downloadName('attachment; filename="Anna Jensen stalking.pdf"', 'log.pdf')).toBe('log.pdf');
  });
});
