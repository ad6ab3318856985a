import {
  canRevoke,
  EMPTY_REFERRAL_FORM,
  parseExpiryDays,
  parseKeepApart,
  referralProblems,
  toIssueReferralBody,
} from './referral-form';

const GROUP = '6f1c1c1e-6c1d-4f0e-9a59-0a6f1d2b3c4d';

describe(parseKeepApart.name, () => {
  it('takes one person per line, trimmed, without blank lines or repeats', () => {
    expect(parseKeepApart('  Jens Hansen \r\n\n010190-1234\njens hansen\n  \n')).toEqual([
      'Jens Hansen',
      '010190-1234',
    ]);
    expect(parseKeepApart('')).toEqual([]);
  });
});

describe(parseExpiryDays.name, () => {
  it('accepts whole days from 1 to 30 only', () => {
    expect([parseExpiryDays('1'), parseExpiryDays(' 14 '), parseExpiryDays('30')]).toEqual([1, 14, 30]);
    for (const bad of ['0', '31', '2.5', '-3', '', 'fjorten']) expect(parseExpiryDays(bad)).toBeNull();
  });
});

describe(referralProblems.name, () => {
  it('needs a group and nothing else', () => {
    expect(referralProblems(EMPTY_REFERRAL_FORM)).toEqual([{ field: 'groupId', kind: 'required' }]);
    expect(referralProblems({ ...EMPTY_REFERRAL_FORM, groupId: GROUP })).toEqual([]);
  });

  it('holds the contract limits: 10 keep-apart entries of 200 characters, 1–30 days', () => {
    const eleven = Array.from({ length: 11 }, (_, i) => `Person ${i}`).join('\n');
    const ten = Array.from({ length: 10 }, (_, i) => `Person ${i}`).join('\n');
    const base = { ...EMPTY_REFERRAL_FORM, groupId: GROUP };
    expect(referralProblems({ ...base, keepApart: ten })).toEqual([]);
    expect(referralProblems({ ...base, keepApart: eleven })).toEqual([
      { field: 'keepApart', kind: 'tooMany', max: 10 },
    ]);
    expect(referralProblems({ ...base, keepApart: `ok\n${'x'.repeat(201)}` })).toEqual([
      { field: 'keepApart', kind: 'entryTooLong', max: 200, line: 2 },
    ]);
    expect(referralProblems({ ...base, expiresInDays: '31' })).toEqual([
      { field: 'expiresInDays', kind: 'range', min: 1, max: 30 },
    ]);
    expect(referralProblems({ ...base, clientReference: 'x'.repeat(201) })[0]).toMatchObject({
      field: 'clientReference',
    });
    expect(referralProblems({ ...base, note: 'x'.repeat(4001) })[0]).toMatchObject({ field: 'note' });
  });
});

describe(toIssueReferralBody.name, () => {
  it('leaves out empty optional fields rather than sending them empty', () => {
    expect(toIssueReferralBody({ ...EMPTY_REFERRAL_FORM, groupId: GROUP, clientReference: '  ', note: '\n' })).toEqual({
      groupId: GROUP,
      expiresInDays: 14,
    });
  });

  it('sends trimmed values and the parsed keep-apart list', () => {
    expect(
      toIssueReferralBody({
        groupId: GROUP,
        clientReference: ' Sag 2026-114 ',
        note: ' Foretrækker at starte stille. ',
        keepApart: 'Jens Hansen\n010190-1234',
        expiresInDays: '7',
      }),
    ).toEqual({
      groupId: GROUP,
      clientReference: 'Sag 2026-114',
      noteForFacilitator: 'Foretrækker at starte stille.',
      keepApart: ['Jens Hansen', '010190-1234'],
      expiresInDays: 7,
    });
  });
});

describe(canRevoke.name, () => {
  it('allows withdrawing only an unused code', () => {
    expect(canRevoke('issued')).toBe(true);
    for (const status of ['redeemed', 'approved', 'declined', 'expired', 'revoked'] as const) {
      expect(canRevoke(status)).toBe(false);
    }
  });
});
