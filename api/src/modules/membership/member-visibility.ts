import { randomUUID } from 'node:crypto';
import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { ChangeBus } from '../../common/change-bus';
import { Clock } from '../../common/clock';
import { MemberHideEntity } from './entities/member-hide.entity';
import { MemberIgnoreEntity } from './entities/member-ignore.entity';
import { MEMBERSHIP_CHANGED, type MembershipChange } from './membership-directory';

type Relation = ReadonlyMap<string, ReadonlySet<string>>;

function relate(pairs: ReadonlyArray<readonly [string, string]>): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const [from, to] of pairs) map.set(from, (map.get(from) ?? new Set()).add(to));
  return map;
}

const NOBODY: ReadonlySet<string> = new Set();

/**
 * Who may see whom in one group. Two relations:
 * - hides: while a "I think I know this person" alert is open, the two members are hidden from
 *   EACH OTHER (member lists, presence, typing, messages, removals, history): neither can watch
 *   the other unseen, and neither learns the other is still in the group;
 * - ignores: a member chose not to get another member's messages (one way, their own choice).
 */
export class GroupVisibility {
  private readonly blockedForAuthor = new Map<string, readonly string[]>();

  constructor(
    private readonly hides: Relation,
    private readonly ignores: Relation,
  ) {}

  /** Members this member must not see at all, and who must not see them. */
  hiddenFrom(memberId: string | null): ReadonlySet<string> {
    return (memberId && this.hides.get(memberId)) || NOBODY;
  }

  /** Whether the two are hidden from each other. */
  hidden(a: string | null, b: string | null): boolean {
    return a !== null && b !== null && this.hiddenFrom(a).has(b);
  }

  /** Members who must not get anything this author writes, types or deletes (the caller must not change it). */
  blockedFor(authorId: string | null): readonly string[] {
    if (!authorId) return [];
    // Asked for every message and typing notice: worked out once per author (the view is rebuilt on any change).
    let viewers = this.blockedForAuthor.get(authorId);
    if (!viewers) {
      const set = new Set(this.hiddenFrom(authorId));
      for (const [viewer, authors] of this.ignores) if (authors.has(authorId)) set.add(viewer);
      // Frozen: a caller that changed it would change who is blocked for every later message of this author.
      viewers = Object.freeze([...set]);
      this.blockedForAuthor.set(authorId, viewers);
    }
    return viewers;
  }

  /** Authors whose messages this viewer does not get (history, join, catch-up). */
  blockedAuthorsFor(viewerId: string): string[] {
    return [...new Set([...this.hiddenFrom(viewerId), ...(this.ignores.get(viewerId) ?? [])])];
  }

  ignoredBy(viewerId: string): string[] {
    return [...(this.ignores.get(viewerId) ?? [])];
  }
}

/**
 * The one place that keeps and answers the visibility rules, from memory (the send path and
 * every broadcast ask it). Changes go through here and reach every instance before the answer.
 */
@Injectable()
export class MemberVisibility implements OnModuleDestroy {
  private readonly groups = new Map<string, GroupVisibility>();
  private version = 0;
  private readonly unsubscribe: Array<() => void>;

  constructor(
    @InjectRepository(MemberHideEntity) private readonly hides: Repository<MemberHideEntity>,
    @InjectRepository(MemberIgnoreEntity) private readonly ignores: Repository<MemberIgnoreEntity>,
    private readonly bus: ChangeBus,
    private readonly clock: Clock,
  ) {
    this.unsubscribe = [
      bus.subscribe<MembershipChange>(MEMBERSHIP_CHANGED, ({ groupId }) => {
        this.version++;
        this.groups.delete(groupId);
      }),
      bus.onResync(() => {
        this.version++;
        this.groups.clear();
      }),
    ];
  }

  onModuleDestroy(): void {
    for (const off of this.unsubscribe) off();
  }

  async group(groupId: string): Promise<GroupVisibility> {
    const cached = this.groups.get(groupId);
    if (cached) return cached;
    const before = this.version;
    const [hides, ignores] = await Promise.all([
      this.hides.find({ where: { groupId }, select: { firstMemberId: true, secondMemberId: true } }),
      this.ignores.find({ where: { groupId }, select: { memberId: true, ignoredMemberId: true } }),
    ]);
    const view = new GroupVisibility(
      relate(hides.flatMap((h) => [[h.firstMemberId, h.secondMemberId] as const, [h.secondMemberId, h.firstMemberId] as const])),
      relate(ignores.map((i) => [i.memberId, i.ignoredMemberId] as const)),
    );
    if (this.version === before) this.groups.set(groupId, view);
    return view;
  }

  /** Inside the caller's transaction; then publish the group's membership change. */
  async hideIn(m: EntityManager, groupId: string, firstMemberId: string, secondMemberId: string, alertId: string): Promise<void> {
    await m.insert(MemberHideEntity, { id: randomUUID(), groupId, firstMemberId, secondMemberId, alertId, createdAt: this.clock.now() });
  }

  async liftIn(m: EntityManager, alertId: string): Promise<void> {
    await m.delete(MemberHideEntity, { alertId });
  }

  async replaceIgnoresIn(m: EntityManager, groupId: string, memberId: string, ignoredMemberIds: readonly string[]): Promise<void> {
    await m.delete(MemberIgnoreEntity, { memberId });
    if (ignoredMemberIds.length === 0) return;
    const now = this.clock.now();
    await m.insert(
      MemberIgnoreEntity,
      ignoredMemberIds.map((ignoredMemberId) => ({ id: randomUUID(), groupId, memberId, ignoredMemberId, createdAt: now })),
    );
  }
}
