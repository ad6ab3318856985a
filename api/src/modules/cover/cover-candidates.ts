import { type EntityManager } from 'typeorm';
import { GroupEntity } from '../groups/entities/group.entity';
import { MeetingEntity } from '../scheduling/entities/meeting.entity';
import { loadCoverNames } from '../scheduling/meeting-cover-view';
import { CoverTrackingEntity } from './entities/cover-tracking.entity';

export interface CoverCandidate {
  meeting: MeetingEntity;
  group: GroupEntity;
  tracking: CoverTrackingEntity | null;
}

/**
 * Uncancelled meetings of requireFacilitator groups starting in (now, until] that nobody covers,
 * with their group and what the cover jobs already did about them. The jobs' rules then decide.
 */
export async function uncoveredMeetings(manager: EntityManager, now: Date, until: Date): Promise<CoverCandidate[]> {
  const rows = await manager
    .createQueryBuilder(MeetingEntity, 'm')
    .innerJoin(GroupEntity, 'g', 'g.id = m.group_id')
    .where('g.require_facilitator = :yes', { yes: true })
    .andWhere('m.cancelled = :no', { no: false })
    .andWhere('m.starts_at > :now AND m.starts_at <= :until', { now: now.toISOString(), until: until.toISOString() })
    .orderBy('m.starts_at', 'ASC')
    .getMany();
  if (rows.length === 0) return [];
  const cover = await loadCoverNames(
    manager,
    rows.map((m) => m.id),
  );
  const uncovered = rows.filter((m) => (cover.get(m.id) ?? []).length === 0);
  if (uncovered.length === 0) return [];
  const ids = uncovered.map((m) => m.id);
  const groupIds = [...new Set(uncovered.map((m) => m.groupId))];
  const [groups, tracking] = await Promise.all([
    manager.getRepository(GroupEntity).createQueryBuilder('g').where('g.id IN (:...groupIds)', { groupIds }).getMany(),
    manager
      .getRepository(CoverTrackingEntity)
      .createQueryBuilder('t')
      .where('t.meeting_id IN (:...ids)', { ids })
      .getMany(),
  ]);
  const groupById = new Map(groups.map((g) => [g.id, g]));
  const trackingById = new Map(tracking.map((t) => [t.meetingId, t]));
  return uncovered.map((meeting) => ({
    meeting,
    group: groupById.get(meeting.groupId)!,
    tracking: trackingById.get(meeting.id) ?? null,
  }));
}

/** Still nobody covering it, read inside the deciding transaction. */
export async function stillUncovered(manager: EntityManager, meetingId: string): Promise<boolean> {
  const meeting = await manager.findOneBy(MeetingEntity, { id: meetingId });
  if (!meeting || meeting.cancelled) return false;
  return ((await loadCoverNames(manager, [meetingId])).get(meetingId) ?? []).length === 0;
}

/** Makes sure the meeting has a tracking row, so a conditional UPDATE of it can claim a step. */
export async function ensureTracking(manager: EntityManager, meetingId: string): Promise<void> {
  await manager
    .createQueryBuilder()
    .insert()
    .into(CoverTrackingEntity)
    .values({ meetingId, gapNoticeStartsAt: null, autoCancel: null })
    .orIgnore()
    .execute();
}
