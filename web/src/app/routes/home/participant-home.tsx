import { CareLoopSwitch } from '../../../features/care-loop/components/care-loop-switch';
import { LogHomePanel } from '../../../features/incident-log/components/log-home-panel';
import { RoomLinksPanel } from '../../../features/live-room/components/room-links-panel';
import { AgendaPanel } from '../../../features/meetings/components/agenda-panel';
import { MyGroupsPanel } from '../../../features/memberships/components/my-groups-panel';
import { pathTo } from '../../pages';
import { useSignedIn } from '../signed-in-layout';
import { AboutHere, Welcome } from './welcome';

/** What needs doing now first: the next session (with the way into a session that is on), then the rest. */
export function ParticipantHome() {
  const { memberships } = useSignedIn();
  return (
    <div className="page">
      <Welcome role="participant" />
      <AgendaPanel
        memberships={memberships}
        allPath={pathTo('meetings')}
        roomPath={(groupId) => pathTo('room', { groupId })}
      />
      <RoomLinksPanel memberships={memberships} />
      <LogHomePanel />
      <MyGroupsPanel
        memberships={memberships}
        extra={(membership) => <CareLoopSwitch groupId={membership.groupId} memberId={membership.memberId} />}
      />
      <AboutHere role="participant" />
    </div>
  );
}
