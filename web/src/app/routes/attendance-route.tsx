import { useParams } from 'react-router';
import { hasPermission } from '@tryg/shared';
import { AttendanceView } from '../../features/attendance/components/attendance-view';
import { NotFoundRoute } from './not-found-route';
import { useSignedIn } from './signed-in-layout';

/** Attendance of one group: for its facilitators only (members never see it). */
export function AttendanceRoute() {
  const { groupId } = useParams();
  const { account } = useSignedIn();
  if (!groupId || !hasPermission(account.role, 'meeting.schedule')) return <NotFoundRoute />;
  return (
    <div className="page">
      <AttendanceView groupId={groupId} />
    </div>
  );
}
