import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { And, type EntityManager, IsNull, LessThanOrEqual, MoreThan, type Repository } from 'typeorm';
import type { RoomState } from '@tryg/shared';
import { ChangeBus, type ChangeOrigin } from '../../common/change-bus';
import { Clock } from '../../common/clock';
import { WriteQueue } from '../../common/write-queue';
import { GROUP_CHANGED, type GroupChange, GroupsService } from '../groups/groups.service';
import { MEMBERSHIP_CHANGED, type MembershipChange } from '../membership/membership-directory';
import { RealtimeService } from '../realtime/realtime.service';
import { MeetingEntity } from '../scheduling/entities/meeting.entity';
import { MEETINGS_CHANGED, type MeetingsChange } from '../scheduling/meetings-changed';
import { MemberMuteEntity } from './entities/member-mute.entity';
import { RoomSettingsEntity } from './entities/room-settings.entity';
import { DEFAULT_CONTROLS, GroupRules, type RoomControls } from './group-rules';
import { windowOpensAt } from '../scheduling/meeting-window';
import { computeRoomState, type RoomSnapshot } from './room-window';
import { SlowMode } from './slow-mode';

/** Bus topic: a group's room rules changed (controls, mutes, facilitator presence, window). */
export const ROOM_RULES_CHANGED = 'room-rules.changed';
interface RoomRulesChange {
  groupId: string;
  /** Whether `room:state` changed (a mute does not change it). */
  announce?: boolean;
}

/** What the send path is refused with by the room's rules. */
export type RuleRefusal = 'UNAVAILABLE' | 'ROOM_CLOSED' | 'WAITING_FOR_FACILITATOR' | 'ROOM_LOCKED' | 'MUTED';

/** Enough meetings to find the current one and the next even with overlaps. */
const UPCOMING_LIMIT = 20;
/** The longest window lead (openMinutesBefore ≤ 60) the transition scan must look ahead. */
const MAX_OPEN_BEFORE_MS = 60 * 60_000;
/** Even with nothing due, a cached room state is recomputed at least this often. */
const CACHE_MAX_MS = 60_000;

interface CachedSnapshot {
  snapshot: RoomSnapshot;
  computedAtMs: number;
  validUntilMs: number;
}

/**
 * The room's rules, in one place below chat and moderation: the window (from the meetings), the
 * facilitator's presence, lock, slow mode, pinned rules and mutes. The send path reads them from
 * memory; every change goes through here (`…In(m)` inside the caller's transaction, then
 * `changed`), reaches every instance before the HTTP answer, and is announced as `room:state`.
 * An instance that lost contact with the others refuses sends (`UNAVAILABLE`) until it resynced.
 */
@Injectable()
export class RoomRules implements OnModuleDestroy {
  private readonly logger = new Logger(RoomRules.name);
  private readonly rulesCache = new Map<string, GroupRules>();
  private readonly snapshots = new Map<string, CachedSnapshot>();
  /** Bumped on every change, so a load that raced with a change is not cached. */
  private version = 0;
  private readonly unsubscribe: Array<() => void>;

  constructor(
    @InjectRepository(RoomSettingsEntity) private readonly settings: Repository<RoomSettingsEntity>,
    @InjectRepository(MemberMuteEntity) private readonly mutes: Repository<MemberMuteEntity>,
    @InjectRepository(MeetingEntity) private readonly meetings: Repository<MeetingEntity>,
    private readonly groups: GroupsService,
    private readonly realtime: RealtimeService,
    private readonly slowMode: SlowMode,
    private readonly bus: ChangeBus,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
  ) {
    const forget = (groupId: string) => {
      this.version++;
      this.rulesCache.delete(groupId);
      this.snapshots.delete(groupId);
    };
    const forgetAndAnnounce = async ({ groupId, announce = true }: RoomRulesChange, origin: ChangeOrigin) => {
      forget(groupId);
      // The instance where it happened tells everyone (the adapter reaches every instance's sockets).
      if (origin === 'here' && announce) await this.announce(groupId);
    };
    this.unsubscribe = [
      bus.subscribe<RoomRulesChange>(ROOM_RULES_CHANGED, forgetAndAnnounce),
      bus.subscribe<MeetingsChange>(MEETINGS_CHANGED, forgetAndAnnounce),
      bus.subscribe<GroupChange>(GROUP_CHANGED, forgetAndAnnounce),
      // A member's removal, ban or erasure ends their mute rows too.
      bus.subscribe<MembershipChange>(MEMBERSHIP_CHANGED, ({ groupId }) => forget(groupId)),
      bus.onResync(() => {
        this.version++;
        this.rulesCache.clear();
        this.snapshots.clear();
      }),
    ];
  }

  onModuleDestroy(): void {
    for (const off of this.unsubscribe) off();
  }

  /** Call after a committed change of this group's rules; in force on every instance when it resolves. */
  changed(groupId: string): Promise<void> {
    return this.bus.publish(ROOM_RULES_CHANGED, { groupId, announce: true } satisfies RoomRulesChange);
  }

  /** A mute began or ended: in force everywhere when it resolves; the room's state is the same. */
  mutesChanged(groupId: string): Promise<void> {
    return this.bus.publish(ROOM_RULES_CHANGED, { groupId, announce: false } satisfies RoomRulesChange);
  }

  async rules(groupId: string): Promise<GroupRules> {
    const cached = this.rulesCache.get(groupId);
    if (cached) return cached;
    const before = this.version;
    const [settings, mutes] = await Promise.all([this.settings.findOneBy({ groupId }), this.mutes.findBy({ groupId })]);
    const rules = new GroupRules(
      groupId,
      settings ? { locked: settings.locked, slowModeSeconds: settings.slowModeSeconds, pinnedRules: settings.pinnedRules } : DEFAULT_CONTROLS,
      new Map(mutes.map((m) => [m.memberId, m.mutedUntil.getTime()])),
    );
    if (this.version === before) this.rulesCache.set(groupId, rules);
    return rules;
  }

  /**
   * The room checks of a send, from memory: contact with the other instances, window, waiting for
   * a facilitator, lock, mute. Facilitators are exempt from all but the first.
   */
  async refusal(groupId: string, memberId: string, isFacilitator: boolean): Promise<RuleRefusal | null> {
    if (!this.bus.healthy()) return 'UNAVAILABLE';
    if (isFacilitator) return null;
    const state = await this.state(groupId);
    if (state.mode !== 'open') return 'ROOM_CLOSED';
    if (state.waitingForFacilitator) return 'WAITING_FOR_FACILITATOR';
    if (state.locked) return 'ROOM_LOCKED';
    if ((await this.rules(groupId)).mutedUntil(memberId, this.clock.nowMs()) !== null) return 'MUTED';
    return null;
  }

  /** Takes the member's slow-mode slot (shared by every instance); false while the last one is too recent. */
  async takeSlowModeSlot(groupId: string, memberId: string, isFacilitator: boolean): Promise<boolean> {
    if (isFacilitator) return true;
    const seconds = (await this.rules(groupId)).controls.slowModeSeconds;
    if (seconds <= 0) return true;
    return this.slowMode.take(groupId, memberId, seconds, this.clock.nowMs());
  }

  // --- The room window -----------------------------------------------------------------------

  async snapshot(groupId: string): Promise<RoomSnapshot> {
    const nowMs = this.clock.nowMs();
    const hit = this.snapshots.get(groupId);
    // A clock moved backwards (tests) makes a cached answer from "the future" invalid too.
    if (hit && nowMs >= hit.computedAtMs && nowMs < hit.validUntilMs) return hit.snapshot;
    const before = this.version;
    const [group, rules, facilitatorPresent] = await Promise.all([
      this.groups.require(groupId),
      this.rules(groupId),
      this.realtime.facilitatorPresent(groupId),
    ]);
    const now = this.clock.now();
    const meetings = await this.meetings.find({
      where: { groupId, cancelled: false, endsAt: MoreThan(now) },
      order: { startsAt: 'ASC' },
      take: UPCOMING_LIMIT,
    });
    const snapshot = computeRoomState({ now, group, meetings, facilitatorPresent, moderation: rules.controls });
    const boundaries = meetings
      .flatMap((m) => [windowOpensAt(m, group.openMinutesBefore).getTime(), m.endsAt.getTime()])
      .filter((t) => t > now.getTime());
    const validUntilMs = Math.min(now.getTime() + CACHE_MAX_MS, ...boundaries);
    if (this.version === before) this.snapshots.set(groupId, { snapshot, computedAtMs: now.getTime(), validUntilMs });
    return snapshot;
  }

  async state(groupId: string): Promise<RoomState> {
    return (await this.snapshot(groupId)).state;
  }

  /**
   * A facilitator joined or left the room. A facilitator present while a meeting's window is open
   * is recorded on the meeting, and participants may post from then on, even after they leave.
   */
  async facilitatorPresenceChanged(groupId: string): Promise<void> {
    await this.recordFacilitatorJoin(groupId);
    await this.changed(groupId);
  }

  /** `room:state` to everyone in the room, from the state of now. */
  async announce(groupId: string): Promise<RoomState> {
    await this.recordFacilitatorJoin(groupId);
    const state = await this.state(groupId);
    this.realtime.toRoom(groupId, 'room:state', state);
    return state;
  }

  private async recordFacilitatorJoin(groupId: string): Promise<void> {
    this.snapshots.delete(groupId);
    const snap = await this.snapshot(groupId);
    if (!snap.meetingId || snap.facilitatorJoinRecorded || !snap.state.facilitatorPresent) return;
    const now = this.clock.now();
    const meetingId = snap.meetingId;
    await this.writes.run((m) => m.update(MeetingEntity, { id: meetingId, facilitatorJoinedAt: IsNull() }, { facilitatorJoinedAt: now }));
    this.version++;
    this.snapshots.delete(groupId);
  }

  /** For the room-window job: groups whose window opened or closed in (from, to]. */
  async groupsWithTransitions(from: Date, to: Date): Promise<string[]> {
    const candidates = await this.meetings.find({
      where: [
        { startsAt: And(MoreThan(from), LessThanOrEqual(new Date(to.getTime() + MAX_OPEN_BEFORE_MS))) },
        { endsAt: And(MoreThan(from), LessThanOrEqual(to)) },
      ],
      select: { id: true, groupId: true, startsAt: true, endsAt: true },
    });
    const groupIds = new Set<string>();
    const openBefore = new Map<string, number>();
    for (const meeting of candidates) {
      if (!openBefore.has(meeting.groupId)) {
        openBefore.set(meeting.groupId, (await this.groups.find(meeting.groupId))?.openMinutesBefore ?? 0);
      }
      const opensAt = windowOpensAt(meeting, openBefore.get(meeting.groupId)!).getTime();
      const inRange = (t: number) => t > from.getTime() && t <= to.getTime();
      if (inRange(opensAt) || inRange(meeting.endsAt.getTime())) groupIds.add(meeting.groupId);
    }
    return [...groupIds];
  }

  /** The room-window job: every window that opened or closed since the last run changes the rules everywhere. */
  async announceTransitions(from: Date, to: Date): Promise<void> {
    for (const groupId of await this.groupsWithTransitions(from, to)) {
      try {
        await this.changed(groupId);
      } catch (error) {
        this.logger.error(`room window change for ${groupId} failed: ${(error as Error).message}`);
      }
    }
  }

  // --- Writes: the one way the rules change ----------------------------------------------------

  async setControlsIn(m: EntityManager, groupId: string, controls: RoomControls): Promise<void> {
    await m.delete(RoomSettingsEntity, { groupId });
    await m.insert(RoomSettingsEntity, { groupId, ...controls, updatedAt: this.clock.now() });
  }

  /** A new mute replaces a running one. */
  async muteIn(m: EntityManager, groupId: string, memberId: string, until: Date): Promise<void> {
    await m.delete(MemberMuteEntity, { memberId });
    await m.insert(MemberMuteEntity, { memberId, groupId, mutedUntil: until, createdAt: this.clock.now() });
  }

  async unmuteIn(m: EntityManager, memberId: string): Promise<void> {
    await m.delete(MemberMuteEntity, { memberId });
  }
}
