import { CareLoopSwitch } from '../../../features/care-loop/components/care-loop-switch';
import { LogHomePanel } from '../../../features/incident-log/components/log-home-panel';
import { RoomLinksPanel } from '../../../features/live-room/components/room-links-panel';
import { AgendaPanel } from '../../../features/meetings/components/agenda-panel';
import { MyGroupsPanel } from '../../../features/memberships/components/my-groups-panel';
import { useSignedIn } from '../signed-in-layout';
import { Welcome } from './welcome';

export function ParticipantHome() {
  const { memberships } = useSignedIn();
  return (
    <div className="page">
      <Welcome role="participant" />
      {/* The next session first: members must always know when it is. */}
      <AgendaPanel memberships={memberships} allPath="/meetings" />
      <RoomLinksPanel memberships={memberships} />
      <MyGroupsPanel
        memberships={memberships}
        extra={(membership) => <CareLoopSwitch groupId={membership.groupId} memberId={membership.memberId} />}
      />
      <LogHomePanel />
    </div>
  );
}
