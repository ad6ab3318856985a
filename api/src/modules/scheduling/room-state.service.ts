import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { And, IsNull, LessThanOrEqual, MoreThan, type Repository } from 'typeorm';
import type { RoomState } from '@tryg/shared';
import { ChangeBus } from '../../common/change-bus';
import { Clock } from '../../common/clock';
import { WriteQueue } from '../../common/write-queue';
import { GroupsService } from '../groups/groups.service';
import { MeetingEntity } from './entities/meeting.entity';
import { computeRoomState, type RoomModeration, type RoomSnapshot, windowOpensAt } from './room-state';

export type RoomStateListener = (state: RoomState) => void;
/** Supplied by moderation (lock, slow mode, pinned rules) once it exists. */
export type RoomModerationSource = (groupId: string) => Promise<Partial<RoomModeration>>;

/** Enough meetings to find the current one and the next even with overlaps. */
const UPCOMING_LIMIT = 20;
/** The longest window lead (openMinutesBefore ≤ 60) the transition scan must look ahead. */
const MAX_OPEN_BEFORE_MS = 60 * 60_000;
/** Even with nothing due, the cached room state is rechecked at least this often. */
const CACHE_MAX_MS = 60_000;

/**
 * The one place that answers "what is this group's room now" (from the injected clock, the
 * meetings, the group's settings and facilitator presence) and announces each change to its
 * listeners; the Live rooms gateway turns them into `room:state`.
 *
 * Facilitator presence is this instance's view (the gateway reports it); "a facilitator has
 * joined during this meeting" is stored on the meeting, so it holds across instances and restarts.
 */
@Injectable()
export class RoomStateService {
  private readonly logger = new Logger(RoomStateService.name);
  private readonly listeners = new Set<RoomStateListener>();
  private readonly present = new Map<string, boolean>();
  private readonly lastAnnounced = new Map<string, string>();
  private moderation: RoomModerationSource | null = null;
  /**
   * The chat asks for the state on every message; the answer is kept until the next window
   * boundary (at most a minute) or until something changes it, here or on another instance.
   */
  private readonly cache = new Map<string, { snapshot: RoomSnapshot; computedAtMs: number; validUntilMs: number }>();
  private cacheVersion = 0;

  constructor(
    @InjectRepository(MeetingEntity) private readonly meetings: Repository<MeetingEntity>,
    private readonly groups: GroupsService,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    private readonly changes: ChangeBus,
  ) {
    changes.subscribe((change) => {
      if (change.kind === 'room' || change.kind === 'moderation') {
        this.cacheVersion++;
        this.cache.delete(change.groupId);
      }
    });
  }

  /** Meetings, settings or moderation of the group changed: forget its state everywhere. */
  invalidate(groupId: string): void {
    this.changes.publish({ kind: 'room', groupId });
  }

  /** Subscribes to every announced change; returns the unsubscribe function. */
  onChange(listener: RoomStateListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  useModeration(source: RoomModerationSource): void {
    this.moderation = source;
  }

  async snapshot(groupId: string): Promise<RoomSnapshot> {
    const nowMs = this.clock.nowMs();
    const hit = this.cache.get(groupId);
    // A clock moved backwards (tests) makes a cached answer from "the future" invalid too.
    if (hit && nowMs >= hit.computedAtMs && nowMs < hit.validUntilMs) return hit.snapshot;
    const versionBefore = this.cacheVersion;
    const group = await this.groups.require(groupId);
    const now = this.clock.now();
    const meetings = await this.meetings.find({
      where: { groupId, cancelled: false, endsAt: MoreThan(now) },
      order: { startsAt: 'ASC' },
      take: UPCOMING_LIMIT,
    });
    const snapshot = computeRoomState({
      now,
      group,
      meetings,
      facilitatorPresent: this.present.get(groupId) ?? false,
      moderation: this.moderation ? await this.moderation(groupId) : undefined,
    });
    const boundaries = meetings
      .flatMap((m) => [windowOpensAt(m, group.openMinutesBefore).getTime(), m.endsAt.getTime()])
      .filter((t) => t > now.getTime());
    const validUntilMs = Math.min(now.getTime() + CACHE_MAX_MS, ...boundaries);
    if (this.cacheVersion === versionBefore) this.cache.set(groupId, { snapshot, computedAtMs: now.getTime(), validUntilMs });
    return snapshot;
  }

  async state(groupId: string): Promise<RoomState> {
    return (await this.snapshot(groupId)).state;
  }

  /**
   * A facilitator of the group joined the room. During a meeting's window this is recorded on
   * the meeting, and participants may post from then on, even after the facilitator leaves.
   */
  async facilitatorJoined(groupId: string, meetingId?: string): Promise<RoomState> {
    const snap = await this.snapshot(groupId);
    const target = meetingId ?? snap.meetingId;
    if (target && target === snap.meetingId && !snap.facilitatorJoinRecorded) {
      const now = this.clock.now();
      await this.writes.run((m) =>
        m.update(MeetingEntity, { id: target, facilitatorJoinedAt: IsNull() }, { facilitatorJoinedAt: now }),
      );
    }
    return this.announce(groupId);
  }

  /** Whether any facilitator of the group is in the room now (the gateway tells on each join and leave). */
  async facilitatorPresence(groupId: string, present: boolean): Promise<RoomState> {
    this.present.set(groupId, present);
    return present ? this.facilitatorJoined(groupId) : this.announce(groupId);
  }

  /** Computes the state and tells the listeners if it differs from what this instance last announced. */
  async announce(groupId: string): Promise<RoomState> {
    this.invalidate(groupId);
    const snap = await this.snapshot(groupId);
    // A facilitator already in the room when the window opens has joined this meeting.
    if (snap.meetingId && !snap.facilitatorJoinRecorded && this.present.get(groupId)) {
      const now = this.clock.now();
      const meetingId = snap.meetingId;
      await this.writes.run((m) =>
        m.update(MeetingEntity, { id: meetingId, facilitatorJoinedAt: IsNull() }, { facilitatorJoinedAt: now }),
      );
    }
    const serialized = JSON.stringify(snap.state);
    if (this.lastAnnounced.get(groupId) !== serialized) {
      this.lastAnnounced.set(groupId, serialized);
      for (const listener of this.listeners) {
        try {
          listener(snap.state);
        } catch (error) {
          this.logger.error(`room state listener failed: ${(error as Error).message}`);
        }
      }
    }
    return snap.state;
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

  /** The room-window job: announce every window that opened or closed since the last run. */
  async announceTransitions(from: Date, to: Date): Promise<void> {
    for (const groupId of await this.groupsWithTransitions(from, to)) await this.announce(groupId);
  }
}
