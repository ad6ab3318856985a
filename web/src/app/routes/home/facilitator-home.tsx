import { FacilitatorGroupsPanel } from '../../../features/intake/components/facilitator-groups-panel';
import { RoomLinksPanel } from '../../../features/live-room/components/room-links-panel';
import { ModerationGroupsPanel } from '../../../features/moderation/components/moderation-groups-panel';
import { ScheduleGroupsPanel } from '../../../features/schedule-editor/components/schedule-groups-panel';
import { useSignedIn } from '../signed-in-layout';
import { Welcome } from './welcome';

export function FacilitatorHome() {
  const { memberships } = useSignedIn();
  return (
    <div className="page">
      <Welcome role="facilitator" />
      <RoomLinksPanel memberships={memberships} />
      <ModerationGroupsPanel deskPath={(groupId) => `/groups/${groupId}/moderation`} />
      <FacilitatorGroupsPanel />
      <ScheduleGroupsPanel
        schedulePath={(groupId) => `/groups/${groupId}/schedule`}
        attendancePath={(groupId) => `/groups/${groupId}/attendance`}
      />
    </div>
  );
}
