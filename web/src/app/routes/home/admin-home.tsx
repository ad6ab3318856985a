import { hasPermission } from '@tryg/shared';
import { AuditPanel } from '../../../features/admin/components/audit-panel';
import { StaffPanel } from '../../../features/admin/components/staff-panel';
import { GroupsHomePanel } from '../../../features/groups/components/groups-home-panel';
import { AdminSafetyHomePanel } from '../../../features/moderation/components/admin-safety-home-panel';
import { Welcome } from './welcome';

export function AdminHome() {
  return (
    <div className="page">
      <Welcome role="admin" />
      {hasPermission('admin', 'group.edit') ? <GroupsHomePanel /> : null}
      {hasPermission('admin', 'staff.manage') ? <StaffPanel /> : null}
      {hasPermission('admin', 'watched-words.manage') ? <AdminSafetyHomePanel path="/admin/safety" /> : null}
      {hasPermission('admin', 'audit.read') ? <AuditPanel /> : null}
    </div>
  );
}
