import type { AuditItem, Group, StaffItem } from '@tryg/shared';
import da from '../../../lib/i18n/da.json';
import { actorOf, AUDIT_TYPES, auditTypeKey, subjectOf } from './audit-words';

const KNOWN = { staffDisabled: 'x', referralClientReferenceRead: 'y', logout: 'z' };
const staff = new Map<string, StaffItem>([
  [
    's1',
    {
      id: 's1',
      login: 'mette.f',
      role: 'facilitator',
      locale: 'da',
      displayName: 'Mette',
      disabled: false,
      createdAt: '',
    },
  ],
]);
const groups = new Map<string, Group>([['g1', { id: 'g1', name: 'Torsdagsgruppen' } as Group]]);
const item = (actorId: string | null, subjectId: string | null): AuditItem => ({
  id: 'a',
  type: 'staff.disabled',
  actorId,
  subjectId,
  createdAt: '2027-01-01T00:00:00.000Z',
});

describe('audit words', () => {
  it('finds the words for an action, and says so when there are none', () => {
    expect(auditTypeKey('staff.disabled', KNOWN)).toBe('staffDisabled');
    expect(auditTypeKey('referral.client-reference.read', KNOWN)).toBe('referralClientReferenceRead');
    expect(auditTypeKey('something.new', KNOWN)).toBeNull();
    // Every choice of the filter has words in the app's language.
    expect(AUDIT_TYPES.filter((type) => auditTypeKey(type, da.audit.types) === null)).toEqual([]);
  });

  it('names staff and groups, and never shows an id', () => {
    expect(actorOf(item(null, null), staff)).toEqual({ kind: 'system' });
    expect(actorOf(item('s1', null), staff)).toEqual({ kind: 'staff', name: 'Mette', login: 'mette.f' });
    expect(actorOf(item('p9', null), staff)).toEqual({ kind: 'participant' });
    expect(subjectOf(item('s1', 'g1'), staff, groups)).toEqual({ kind: 'group', name: 'Torsdagsgruppen' });
    expect(subjectOf(item('p9', 'p9'), staff, groups)).toEqual({ kind: 'self' });
    expect(subjectOf(item('s1', 'm7'), staff, groups)).toEqual({ kind: 'not-shown' });
    expect(subjectOf(item('s1', null), staff, groups)).toEqual({ kind: 'none' });
  });
});
