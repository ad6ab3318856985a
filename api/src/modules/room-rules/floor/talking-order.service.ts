import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import type { Floor, GiveTurnDto, RoundOrderDto, StartRoundDto } from '@tryg/shared';
import { ChangeBus } from '../../../common/change-bus';
import { Clock } from '../../../common/clock';
import { DomainError } from '../../../common/domain-error';
import type { RequestAuth } from '../../../common/request-auth';
import { WriteQueue } from '../../../common/write-queue';
import { MEMBERSHIP_CHANGED, type MembershipChange, MembershipDirectory } from '../../membership/membership-directory';
import { MembershipService } from '../../membership/membership.service';
import { MemberVisibility } from '../../membership/member-visibility';
import { tellRoomAsEachMaySee } from '../../membership/room-update';
import { RealtimeService } from '../../realtime/realtime.service';
import { RoomFloorEntity } from '../entities/room-floor.entity';
import { ROOM_RULES_CHANGED, RoomRules } from '../room-rules.service';
import {
  dueNow,
  EMPTY_FLOOR,
  forMeeting,
  endRound,
  type FloorRefusal,
  type FloorState,
  finishTurn,
  give,
  memberArrived,
  memberLeft,
  nextDeadline,
  type Outcome,
  type Presence,
  raiseHand,
  reorder,
  startRound,
  viewFloor,
} from './floor-state';

/** Bus topic: a group's floor changed. */
const FLOOR_CHANGED = 'floor.changed';
interface FloorChange {
  groupId: string;
}

interface Stored {
  state: FloorState;
  version: number;
}

const REFUSALS: Record<FloorRefusal, () => DomainError> = {
  NOBODY_WAITING: () => new DomainError('CONFLICT', 'Nobody is waiting for the turn.'),
  NOT_SPEAKING: () => new DomainError('CONFLICT', 'Nobody has the turn.'),
  NO_ROUND: () => new DomainError('CONFLICT', 'No round is running.'),
  NOT_PRESENT: () => new DomainError('CONFLICT', 'That member is not in the room now.'),
  BAD_ORDER: () =>
    new DomainError('VALIDATION', 'The order must list exactly the members of the round.', [
      { field: 'memberIds', message: 'must be the members of the round, each once' },
    ]),
};

function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * The talking order of a room: raised hands, the turn, check-in and check-out rounds (CONTRACT
 * "Talking order"). One of the room's rules: kept in the database and changed only by
 * compare-and-set, so two instances never both move it; every change reaches every instance
 * before the answer and goes out as `floor:update`, each member seeing it without anyone hidden
 * from them. Timed turns and away speakers pass on by themselves on the app clock, once.
 */
@Injectable()
export class TalkingOrder implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('TalkingOrder');
  private readonly cache = new Map<string, Stored>();
  private readonly timers = new Map<string, { at: number; timer: NodeJS.Timeout }>();
  private readonly unsubscribe: Array<() => void>;

  constructor(
    @InjectRepository(RoomFloorEntity) private readonly floors: Repository<RoomFloorEntity>,
    private readonly membership: MembershipService,
    private readonly directory: MembershipDirectory,
    private readonly visibility: MemberVisibility,
    private readonly rules: RoomRules,
    private readonly realtime: RealtimeService,
    private readonly bus: ChangeBus,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
  ) {
    this.unsubscribe = [
      bus.subscribe<FloorChange>(FLOOR_CHANGED, (change) => this.heard(change.groupId)),
      // The window moving on (a meeting ended or began) makes the kept floor another meeting's.
      bus.subscribe<FloorChange>(ROOM_RULES_CHANGED, ({ groupId }) => void this.cache.delete(groupId)),
      // Who may see whom changed (a "I think I know this person" alert filed or resolved): each
      // member's view of the floor changed with it, so it goes out again, from where it happened.
      // MemberVisibility heard this topic first (it is constructed before us), so it reads fresh.
      bus.subscribe<MembershipChange>(MEMBERSHIP_CHANGED, async ({ groupId }, origin) => {
        if (origin === 'here') await this.resend(groupId);
      }),
      bus.onResync(() => this.cache.clear()),
      clock.onMoved(() => void this.runDue()),
    ];
  }

  async onApplicationBootstrap(): Promise<void> {
    // Deadlines survive a restart: every floor with one gets its timer back.
    for (const row of await this.floors.find()) this.schedule(row.groupId, JSON.parse(row.state) as FloorState);
  }

  onModuleDestroy(): void {
    for (const off of this.unsubscribe) off();
    for (const { timer } of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  // --- Routes ----------------------------------------------------------------------------------

  async get(auth: RequestAuth, groupId: string): Promise<Floor> {
    const access = await this.openRoomAccess(auth, groupId);
    return this.viewFor(groupId, (await this.current(groupId)).state, access.isFacilitator ? null : access.memberId);
  }

  async hand(auth: RequestAuth, groupId: string, raised: boolean): Promise<Floor> {
    const access = await this.openRoomAccess(auth, groupId);
    if (access.isFacilitator)
      throw new DomainError('FORBIDDEN', 'Facilitators give the turn; they do not raise a hand.');
    const state = await this.mutate(groupId, (s) => raiseHand(s, access.memberId, raised));
    return this.viewFor(groupId, state, access.memberId);
  }

  async give(auth: RequestAuth, groupId: string, dto: GiveTurnDto): Promise<Floor> {
    await this.openRoomAccess(auth, groupId, 'facilitate');
    const presence = await this.presence(groupId);
    const state = await this.mutate(groupId, (s) => give(s, dto.memberId?.toLowerCase(), presence, this.clock.now()));
    return this.viewFor(groupId, state, null);
  }

  async done(auth: RequestAuth, groupId: string): Promise<Floor> {
    const access = await this.openRoomAccess(auth, groupId);
    const presence = await this.presence(groupId);
    const state = await this.mutate(groupId, (s) => {
      if (!access.isFacilitator && s.speaking !== access.memberId)
        throw new DomainError('FORBIDDEN', 'It is not your turn.');
      return finishTurn(s, presence, this.clock.now());
    });
    return this.viewFor(groupId, state, access.isFacilitator ? null : access.memberId);
  }

  async startRound(auth: RequestAuth, groupId: string, dto: StartRoundDto): Promise<Floor> {
    await this.openRoomAccess(auth, groupId, 'facilitate');
    const presence = await this.presence(groupId);
    const here = [...presence.participants];
    const visibility = await this.visibility.group(groupId);
    if (here.some((a) => here.some((b) => a !== b && visibility.hidden(a, b)))) {
      throw new DomainError(
        'CONFLICT',
        'Two members in the room are kept apart by an open "I think I know this person" alert. Resolve it before starting a round.',
      );
    }
    const order = dto.keepOrder ? here : shuffled(here);
    const round = { kind: dto.kind, quiet: dto.quiet ?? false, turnSeconds: dto.turnSeconds ?? null };
    const state = await this.mutate(groupId, (s) => startRound(s, round, order, presence, this.clock.now()));
    return this.viewFor(groupId, state, null);
  }

  async reorder(auth: RequestAuth, groupId: string, dto: RoundOrderDto): Promise<Floor> {
    await this.openRoomAccess(auth, groupId, 'facilitate');
    const state = await this.mutate(groupId, (s) =>
      reorder(
        s,
        dto.memberIds.map((id) => id.toLowerCase()),
      ),
    );
    return this.viewFor(groupId, state, null);
  }

  async endRound(auth: RequestAuth, groupId: string): Promise<void> {
    await this.openRoomAccess(auth, groupId, 'facilitate');
    await this.mutate(groupId, (s) => endRound(s));
  }

  // --- The room ---------------------------------------------------------------------------------

  /** For `room:join`: the floor as this member may see it. */
  async viewForMember(groupId: string, memberId: string, isFacilitator: boolean): Promise<Floor> {
    return this.viewFor(groupId, (await this.current(groupId)).state, isFacilitator ? null : memberId);
  }

  /** A participant came into the room (again): a speaker keeps the turn; a newcomer joins a running round at its end. */
  async arrived(groupId: string, memberId: string): Promise<void> {
    const { state } = await this.current(groupId);
    const returningSpeaker = state.speaking === memberId && state.speakerAwaySince !== null;
    const newToRound = state.round !== null && !state.round.order.includes(memberId);
    if (!returningSpeaker && !newToRound) return;
    await this.mutate(groupId, (s) => ({ ok: true, state: memberArrived(s, memberId) }));
  }

  /** A participant's last socket left the room: the hand goes down, the turn passes after the grace. */
  async left(groupId: string, memberId: string): Promise<void> {
    const { state } = await this.current(groupId);
    if (!state.hands.includes(memberId) && state.speaking !== memberId) return;
    await this.mutate(groupId, (s) => ({ ok: true, state: memberLeft(s, memberId, this.clock.now()) }));
  }

  /**
   * The send path: in a quiet round only the speaker (and facilitators) may write. From memory.
   * A speaker hidden from the sender does not silence them: the sender's floor shows nobody
   * speaking, and a refusal would tell them that the member they are kept apart from is in the
   * room now (CONTRACT "Who may listen": nothing a hidden member observes, an error included, may).
   */
  async mayWrite(groupId: string, memberId: string, isFacilitator: boolean): Promise<boolean> {
    if (isFacilitator) return true;
    const { state } = await this.current(groupId);
    if (!state.round?.quiet || state.speaking === null || state.speaking === memberId) return true;
    return (await this.visibility.group(groupId)).hidden(memberId, state.speaking);
  }

  // --- Keeping it --------------------------------------------------------------------------------

  private async current(groupId: string): Promise<Stored> {
    const cached = this.cache.get(groupId);
    const meetingId = await this.meetingNow(groupId);
    if (cached && cached.state.meetingId === meetingId) return cached;
    const stored = await this.load(groupId, meetingId);
    this.cache.set(groupId, stored);
    return stored;
  }

  /** The stored floor, as the floor of the meeting whose window is open now (cleared when that changed). */
  private async load(groupId: string, meetingId: string | null, m?: EntityManager): Promise<Stored> {
    const row = m ? await m.findOneBy(RoomFloorEntity, { groupId }) : await this.floors.findOneBy({ groupId });
    if (!row) return { state: forMeeting(EMPTY_FLOOR, meetingId), version: 0 };
    return { state: forMeeting(JSON.parse(row.state) as FloorState, meetingId), version: row.version };
  }

  private async meetingNow(groupId: string): Promise<string | null> {
    return (await this.rules.snapshot(groupId)).meetingId;
  }

  /**
   * Reads the stored floor, applies the change and writes it only if nobody wrote in between
   * (compare-and-set); then every instance hears of it before this resolves.
   */
  private async mutate(groupId: string, change: (state: FloorState) => Outcome): Promise<FloorState> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const meetingId = await this.meetingNow(groupId);
      const result = await this.writes.run(async (m) => {
        const { state, version } = await this.load(groupId, meetingId, m);
        const outcome = change(state);
        if (!outcome.ok) throw REFUSALS[outcome.refusal]();
        if (JSON.stringify(outcome.state) === JSON.stringify(state))
          return { before: state, state, written: false, won: true };
        const now = this.clock.now();
        const serialized = JSON.stringify(outcome.state);
        if (version === 0) {
          const taken = await m.existsBy(RoomFloorEntity, { groupId });
          if (taken) return { before: state, state, written: false, won: false };
          await m.insert(RoomFloorEntity, { groupId, state: serialized, version: 1, updatedAt: now });
          return { before: state, state: outcome.state, written: true, won: true };
        }
        const updated = await m.update(
          RoomFloorEntity,
          { groupId, version },
          { state: serialized, version: version + 1, updatedAt: now },
        );
        return { before: state, state: outcome.state, written: true, won: (updated.affected ?? 0) > 0 };
      });
      if (!result.won) continue;
      if (result.written) {
        await this.bus.publish(FLOOR_CHANGED, { groupId } satisfies FloorChange);
        await this.broadcast(groupId, result.before, result.state);
      }
      return result.state;
    }
    throw new DomainError('CONFLICT', 'The talking order changed meanwhile. Please try again.');
  }

  /** Every instance forgets its copy and sets its timer (the one where it happened then tells the room). */
  private async heard(groupId: string): Promise<void> {
    this.cache.delete(groupId);
    const { state } = await this.current(groupId);
    this.schedule(groupId, state);
  }

  /**
   * `floor:update` to the room after a change from `before` to `state`; a member with someone
   * hidden from them gets it without that person, and only if their view changed: an update that
   * shows them nothing new would tell them that the member they are kept apart from did something.
   */
  private async broadcast(groupId: string, before: FloorState | null, state: FloorState): Promise<void> {
    const [visibility, members] = await Promise.all([this.visibility.group(groupId), this.directory.approvedMembers(groupId)]);
    tellRoomAsEachMaySee(this.realtime, visibility, members.map((m) => m.memberId), groupId, 'floor:update', {
      viewWithout: (hidden) => viewFloor(groupId, state, hidden),
      unchangedWithout: (hidden, view) =>
        before !== null && JSON.stringify(viewFloor(groupId, before, hidden)) === JSON.stringify(view),
    });
  }

  /** Who may see whom changed: every member's view of an unchanged floor goes out again, as they may see it now. */
  private async resend(groupId: string): Promise<void> {
    const { state } = await this.current(groupId);
    // An empty floor looks the same to everyone, whoever is hidden from whom.
    if (state.hands.length === 0 && state.speaking === null && state.round === null) return;
    await this.broadcast(groupId, null, state);
  }

  private async viewFor(groupId: string, state: FloorState, viewerMemberId: string | null): Promise<Floor> {
    const hidden = viewerMemberId
      ? (await this.visibility.group(groupId)).hiddenFrom(viewerMemberId)
      : new Set<string>();
    return viewFloor(groupId, state, hidden);
  }

  private schedule(groupId: string, state: FloorState): void {
    const existing = this.timers.get(groupId);
    const at = nextDeadline(state);
    if (existing && existing.at === at) return;
    if (existing) clearTimeout(existing.timer);
    this.timers.delete(groupId);
    if (at === null) return;
    const timer = setTimeout(() => void this.passOnIfDue(groupId), Math.max(0, at - this.clock.nowMs()));
    timer.unref();
    this.timers.set(groupId, { at, timer });
  }

  private async runDue(): Promise<void> {
    const now = this.clock.nowMs();
    for (const [groupId, { at }] of [...this.timers]) if (at <= now) await this.passOnIfDue(groupId);
  }

  /** Whichever instance gets here first moves the floor; the others find nothing due any more. */
  private async passOnIfDue(groupId: string): Promise<void> {
    try {
      const presence = await this.presence(groupId);
      await this.mutate(groupId, (s) => {
        const next = dueNow(s, presence, this.clock.now());
        return { ok: true, state: next ?? s };
      });
    } catch (error) {
      this.logger.warn(`floor deadline of ${groupId}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  // --- Who ----------------------------------------------------------------------------------------

  /** The participants (not facilitators) with a socket in the room now, on every instance. */
  private async presence(groupId: string): Promise<Presence> {
    const [online, members] = await Promise.all([
      this.realtime.onlineMembers(groupId),
      this.directory.approvedMembers(groupId),
    ]);
    return {
      participants: new Set(
        members.filter((m) => m.role === 'member' && online.has(m.memberId)).map((m) => m.memberId),
      ),
    };
  }

  /**
   * The group's member (or, with 'facilitate', facilitator) — 404 then 403 as everywhere — and then
   * the room open: every floor route is closed with the room (409 ROOM_CLOSED).
   */
  private async openRoomAccess(
    auth: RequestAuth,
    groupId: string,
    need: 'participate' | 'facilitate' = 'participate',
  ): Promise<{ memberId: string; isFacilitator: boolean }> {
    const access = await this.membership.requireAccess(auth, groupId, need);
    if ((await this.rules.state(groupId)).mode !== 'open') throw new DomainError('ROOM_CLOSED');
    return { memberId: access.membership!.id, isFacilitator: access.isFacilitator };
  }
}
