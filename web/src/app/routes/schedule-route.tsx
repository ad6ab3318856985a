import { useParams } from 'react-router';
import { hasPermission } from '@tryg/shared';
import { ScheduleEditor } from '../../features/schedule-editor/components/schedule-editor';
import { NotFoundRoute } from './not-found-route';
import { useSignedIn } from './signed-in-layout';

/** A facilitator plans the sessions of one of their groups (the API checks it is theirs). */
export function ScheduleRoute() {
  const { groupId } = useParams();
  const { account } = useSignedIn();
  if (!groupId || !hasPermission(account.role, 'meeting.schedule')) return <NotFoundRoute />;
  return (
    <div className="page">
      <ScheduleEditor groupId={groupId} />
    </div>
  );
}
