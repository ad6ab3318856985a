import type { Member } from '@tryg/shared';
import { ApiError } from '../../lib/api-client';
import { intakeErrorKey, pendingMembers, sortMembers } from './intake-rules';

const member = (displayName: string, status: Member['status'], role: Member['role'] = 'member'): Member => ({
  memberId: `${displayName}-id`,
  displayName,
  role,
  status,
});

describe('intake rules', () => {
  const members = [
    member('Mette', 'approved', 'facilitator'),
    member('Birk', 'pending'),
    member('Asta', 'approved'),
    member('Cleo', 'declined'),
    member('Alma', 'pending'),
  ];

  it('queues pending members only, in the order they asked', () => {
    expect(pendingMembers(members).map((m) => m.displayName)).toEqual(['Birk', 'Alma']);
  });

  it('lists facilitators first, then members in the group, then the waiting, then earlier ones', () => {
    expect(sortMembers(members).map((m) => m.displayName)).toEqual(['Mette', 'Asta', 'Alma', 'Birk', 'Cleo']);
  });

  it('explains GROUP_FULL and KEEP_APART in their own words, and nothing unknown', () => {
    expect(intakeErrorKey(new ApiError(409, 'GROUP_FULL', 'x'))).toBe('groupFull');
    expect(intakeErrorKey(new ApiError(409, 'KEEP_APART', 'x'))).toBe('keepApart');
    expect(intakeErrorKey(new ApiError(409, 'CONFLICT', 'x'))).toBe('alreadyDecided');
    expect(intakeErrorKey(new ApiError(404, 'NOT_FOUND', 'x'))).toBe('gone');
    expect(intakeErrorKey(new ApiError(500, 'INTERNAL', 'x'))).toBeNull();
  });
});
