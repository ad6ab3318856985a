import { PASSWORD_MAX, PASSWORD_MIN } from '@tryg/shared';
import { GOOD_LENGTH, passwordStrength, STRONG_LENGTH } from './password-strength';

describe(passwordStrength.name, () => {
  it('judges by length alone: no composition rules', () => {
    // Lower-case words only are as good as a mix of the same length.
    expect(passwordStrength('a'.repeat(STRONG_LENGTH)).level).toBe('strong');
    expect(passwordStrength('Ab1!'.repeat(STRONG_LENGTH / 4)).level).toBe('strong');
    expect(passwordStrength('aaaaaaaaaa').level).toBe(passwordStrength('Ab1!Ab1!Ab').level);
  });

  it('moves through the levels at the contract minimum and the hint thresholds', () => {
    const at = (length: number) => passwordStrength('x'.repeat(length));
    expect(at(0)).toMatchObject({ level: 'empty', score: 0, missing: PASSWORD_MIN });
    expect(at(PASSWORD_MIN - 1)).toMatchObject({ level: 'tooShort', score: 0, missing: 1 });
    expect(at(PASSWORD_MIN)).toMatchObject({ level: 'fair', score: 1, missing: 0 });
    expect(at(GOOD_LENGTH - 1).level).toBe('fair');
    expect(at(GOOD_LENGTH)).toMatchObject({ level: 'good', score: 2 });
    expect(at(STRONG_LENGTH - 1).level).toBe('good');
    expect(at(STRONG_LENGTH)).toMatchObject({ level: 'strong', score: 3 });
    expect(at(PASSWORD_MAX).level).toBe('strong');
    expect(at(PASSWORD_MAX + 1)).toMatchObject({ level: 'tooLong', score: 0 });
  });

  it('counts characters as a person sees them (emoji and æøå are one each)', () => {
    expect(passwordStrength('🌻🌻🌻🌻🌻🌻🌻🌻🌻').level).toBe('tooShort');
    expect(passwordStrength('🌻🌻🌻🌻🌻🌻🌻🌻🌻🌻').level).toBe('fair');
    expect(passwordStrength('blåbærgrød').length).toBe(10);
  });

  it('refuses the login as the password, ignoring case', () => {
    expect(passwordStrength('Sol.Vej.2026', 'sol.vej.2026').level).toBe('sameAsLogin');
    expect(passwordStrength('sol.vej.2026', ' Sol.Vej.2026 ').level).toBe('sameAsLogin');
    expect(passwordStrength('sol.vej.2026', 'another').level).toBe('fair');
    expect(passwordStrength('sol.vej.2026', '').level).toBe('fair');
  });
});
