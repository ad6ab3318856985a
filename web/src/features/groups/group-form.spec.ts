import { GROUP_DEFAULTS, type Group } from '@tryg/shared';
import {
  groupFormProblems,
  initialGroupValues,
  isTimeZone,
  parseWholeNumber,
  timeZoneOptions,
  toCreateGroupBody,
  toUpdateGroupBody,
} from './group-form';

const GROUP: Group = {
  id: '6f1c1c1e-6c1d-4f0e-9a59-0a6f1d2b3c4d',
  name: 'Tirsdagsgruppen',
  description: 'For dig, der er blevet forfulgt.',
  language: 'da',
  capacity: 8,
  timezone: 'Europe/Copenhagen',
  betweenSessions: 'closed',
  rules: 'Vi taler pænt.',
  retentionDays: 180,
  openMinutesBefore: 10,
  requireFacilitator: true,
  coverCancelHours: 24,
  careLoopAfter: 2,
};

describe('group form', () => {
  it('starts a new group from the contract defaults, with capacity left to fill in', () => {
    const values = initialGroupValues();
    expect(values).toEqual({
      name: '',
      description: '',
      language: GROUP_DEFAULTS.language,
      capacity: '',
      timezone: GROUP_DEFAULTS.timezone,
      betweenSessions: GROUP_DEFAULTS.betweenSessions,
      rules: GROUP_DEFAULTS.rules,
      retentionDays: String(GROUP_DEFAULTS.retentionDays),
      openMinutesBefore: String(GROUP_DEFAULTS.openMinutesBefore),
      requireFacilitator: GROUP_DEFAULTS.requireFacilitator,
      coverCancelHours: '24',
      careLoopAfter: '2',
    });
    expect(Object.keys(groupFormProblems(values)).sort()).toEqual(['capacity', 'name']);
  });

  it('parses whole numbers within the limits only', () => {
    expect(parseWholeNumber(' 8 ', 1, 200)).toBe(8);
    for (const bad of ['0', '201', '8.5', '-1', '1e2', '', 'otte']) expect(parseWholeNumber(bad, 1, 200)).toBeNull();
  });

  it('checks every limit of the contract', () => {
    const values = {
      ...initialGroupValues(GROUP),
      name: 'x',
      description: 'x'.repeat(2001),
      rules: 'x'.repeat(4001),
      capacity: '201',
      retentionDays: '0',
      openMinutesBefore: '61',
      coverCancelHours: '169',
      careLoopAfter: '1',
      timezone: 'Mars/Olympus',
    };
    expect(groupFormProblems(values)).toEqual({
      name: { kind: 'length', min: 2, max: 80 },
      description: { kind: 'tooLong', max: 2000 },
      rules: { kind: 'tooLong', max: 4000 },
      capacity: { kind: 'wholeNumber', min: 1, max: 200 },
      retentionDays: { kind: 'wholeNumber', min: 1, max: 3650 },
      openMinutesBefore: { kind: 'wholeNumber', min: 0, max: 60 },
      coverCancelHours: { kind: 'wholeNumber', min: 0, max: 168 },
      careLoopAfter: { kind: 'wholeNumber', min: 2, max: 10 },
      timezone: { kind: 'timezone' },
    });
    expect(groupFormProblems({ ...initialGroupValues(GROUP), openMinutesBefore: '0', coverCancelHours: '0' })).toEqual({});
  });

  it('builds the create body with numbers and a trimmed name', () => {
    const { id: _id, ...settings } = GROUP;
    expect(toCreateGroupBody({ ...initialGroupValues(GROUP), name: '  Tirsdagsgruppen ', capacity: ' 12' })).toEqual({
      ...settings,
      capacity: 12,
    });
  });

  it('sends only what changed when editing', () => {
    const values = { ...initialGroupValues(GROUP), capacity: '10', betweenSessions: 'read-only' as const };
    expect(toUpdateGroupBody(values, GROUP)).toEqual({ capacity: 10, betweenSessions: 'read-only' });
    expect(toUpdateGroupBody(initialGroupValues(GROUP), GROUP)).toEqual({});
  });

  it('knows IANA time zones and always offers the chosen one', () => {
    expect(isTimeZone('Europe/Copenhagen')).toBe(true);
    expect(isTimeZone('Europe/Nowhere')).toBe(false);
    expect(timeZoneOptions('Europe/Copenhagen')).toContain('Europe/Copenhagen');
    expect(timeZoneOptions('Atlantic/Faroe')).toContain('Atlantic/Faroe');
  });
});
