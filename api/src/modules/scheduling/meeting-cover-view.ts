import { type EntityManager } from 'typeorm';
import { AccountEntity } from '../accounts/entities/account.entity';
import { MembershipEntity } from '../membership/entities/membership.entity';
import { MeetingCoverEntity } from './entities/meeting-cover.entity';

const CHUNK = 500;

/** Who covers a meeting: display names in the order they took it. */
export type CoverNames = ReadonlyMap<string, readonly string[]>;

/**
 * The one rule of what counts as cover: a facilitator who took the meeting and is still an
 * approved facilitator of its group with an enabled account. Someone unassigned or disabled no
 * longer covers anything, so their meetings show up as gaps again at once.
 */
export async function loadCoverNames(manager: EntityManager, meetingIds: readonly string[]): Promise<CoverNames> {
  const names = new Map<string, string[]>(meetingIds.map((id) => [id, []]));
  for (let i = 0; i < meetingIds.length; i += CHUNK) {
    const ids = meetingIds.slice(i, i + CHUNK);
    const rows = await manager
      .createQueryBuilder(MeetingCoverEntity, 'c')
      .innerJoin(MembershipEntity, 'm', 'm.id = c.member_id')
      .innerJoin(AccountEntity, 'a', 'a.id = m.account_id')
      .where('c.meeting_id IN (:...ids)', { ids })
      .andWhere("m.role = 'facilitator' AND m.status = 'approved' AND a.disabled_at IS NULL")
      .select('c.meeting_id', 'meetingId')
      .addSelect('m.display_name', 'displayName')
      .orderBy('c.created_at', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .getRawMany<{ meetingId: string; displayName: string }>();
    for (const row of rows) names.get(row.meetingId)?.push(row.displayName);
  }
  return names;
}
