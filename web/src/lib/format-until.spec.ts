import { formatUntil } from './format-until';

describe(formatUntil.name, () => {
  const now = new Date('2026-03-24T15:00:00Z');

  it('says only the time for later today, in Danish conventions', () => {
    expect(formatUntil('2026-03-24T17:00:00Z', 'da', now, 'Europe/Copenhagen')).toBe('kl. 18.00');
    expect(formatUntil('2026-03-24T17:00:00Z', 'en', now, 'Europe/Copenhagen')).toBe('18:00');
  });

  it('adds the day when it is not today', () => {
    const text = formatUntil('2026-03-25T17:00:00Z', 'da', now, 'Europe/Copenhagen');
    expect(text).toContain('25. marts');
    expect(text).toContain('18.00');
  });
});
