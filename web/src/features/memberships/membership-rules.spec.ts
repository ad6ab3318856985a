import type { Membership } from '@tryg/shared';
import { ApiError } from '../../lib/api-client';
import { exportFileName } from './api/export-my-data';
import { isActive, orderMemberships, renameErrorKey } from './membership-rules';

const membership = (memberId: string, status: Membership['status']): Membership => ({
  memberId,
  groupId: `${memberId}-group`,
  displayName: memberId,
  status,
});

describe('my groups', () => {
  it('treats waiting and approved memberships as active', () => {
    expect(
      ['pending', 'approved', 'declined', 'left', 'removed', 'banned'].map((s) => isActive(s as Membership['status'])),
    ).toEqual([true, true, false, false, false, false]);
  });

  it('shows active memberships first, each part in the order joined', () => {
    const ordered = orderMemberships([
      membership('a', 'left'),
      membership('b', 'approved'),
      membership('c', 'declined'),
      membership('d', 'pending'),
    ]);
    expect(ordered.map((m) => m.memberId)).toEqual(['b', 'd', 'a', 'c']);
  });

  it('tells a taken name from a name equal to the login', () => {
    const details = [{ field: 'displayName', message: 'x' }];
    expect(renameErrorKey(new ApiError(409, 'CONFLICT', 'x', details))).toBe('nameNotAvailable');
    expect(renameErrorKey(new ApiError(400, 'VALIDATION', 'x', details))).toBe('nameRules');
    expect(renameErrorKey(new ApiError(400, 'VALIDATION', 'x'))).toBeNull();
  });

  it('names the export file neutrally, with the date', () => {
    expect(exportFileName(new Date(2026, 2, 4))).toBe('data-2026-03-04.json');
  });
});
