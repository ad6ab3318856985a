import { hasPermission } from '@tryg/shared';
import { AuditPanel } from '../../../features/admin/components/audit-panel';
import { StaffPanel } from '../../../features/admin/components/staff-panel';
import { Welcome } from './welcome';

export function AdminHome() {
  return (
    <div className="page">
      <Welcome role="admin" />
      {hasPermission('admin', 'staff.manage') ? <StaffPanel /> : null}
      {hasPermission('admin', 'audit.read') ? <AuditPanel /> : null}
    </div>
  );
}
