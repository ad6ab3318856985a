import { RECOVERY_CODES_FILE_NAME, recoveryCodesFileText } from './recovery-file';

describe(recoveryCodesFileText.name, () => {
  const codes = Array.from({ length: 10 }, (_, i) => `CODE-${String(i).padStart(4, '0')}`);

  it('lists every code once, numbered, on its own line, after the title and instruction', () => {
    const text = recoveryCodesFileText(codes, { title: 'Gendannelseskoder', intro: 'Hver kode virker én gang.' });
    const lines = text.split('\r\n');
    expect(lines.slice(0, 4)).toEqual(['Gendannelseskoder', '', 'Hver kode virker én gang.', '']);
    expect(lines.slice(4, 14)).toEqual(codes.map((code, i) => `${String(i + 1).padStart(2, ' ')}. ${code}`));
    expect(text.endsWith('\r\n')).toBe(true);
    for (const code of codes) expect(text.split(code)).toHaveLength(2);
  });

  it('has a neutral file name that says nothing about the service', () => {
    expect(RECOVERY_CODES_FILE_NAME).toMatch(/^[a-z]+\.txt$/);
    expect(RECOVERY_CODES_FILE_NAME.toLowerCase()).not.toMatch(/tryg|stalk|recover|gendan/);
  });
});
