import { PERMISSIONS, hasPermission, permissionsOf } from './permissions';
import { ROLES } from './roles';

describe('permission matrix', () => {
  it('gives each permission only to the roles listed, and every role at least its own account', () => {
    for (const role of ROLES) {
      expect(hasPermission(role, 'account.self')).toBe(true);
      for (const permission of permissionsOf(role)) expect((PERMISSIONS[permission] as readonly string[]).includes(role)).toBe(true);
    }
  });

  it('keeps the separations the threat model depends on', () => {
    // Only admins manage staff and read the audit trail; only coordinators refer; only participants keep a log.
    expect(ROLES.filter((r) => hasPermission(r, 'staff.manage'))).toEqual(['admin']);
    expect(ROLES.filter((r) => hasPermission(r, 'audit.read'))).toEqual(['admin']);
    expect(ROLES.filter((r) => hasPermission(r, 'referral.issue'))).toEqual(['coordinator']);
    expect(ROLES.filter((r) => hasPermission(r, 'incident-log.keep'))).toEqual(['participant']);
    expect(hasPermission('participant', 'group.moderate')).toBe(false);
    // Case work is the coordinators' alone; an admin can hand cases over but never open one.
    expect(ROLES.filter((r) => hasPermission(r, 'client.keep'))).toEqual(['coordinator']);
    expect(ROLES.filter((r) => hasPermission(r, 'client.reassign'))).toEqual(['admin']);
    // Cover: only facilitators take meetings; participants and coordinators never see the gaps.
    expect(ROLES.filter((r) => hasPermission(r, 'meeting.cover'))).toEqual(['facilitator']);
    expect(ROLES.filter((r) => hasPermission(r, 'cover-gaps.read')).sort()).toEqual(['admin', 'facilitator']);
  });
});
