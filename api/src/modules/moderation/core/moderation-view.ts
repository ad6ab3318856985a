import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, type Repository } from 'typeorm';
import type { WatchedWord } from '@tryg/shared';
import { ChangeBus } from '../../../common/change-bus';
import { WatchList } from '../../content-policy/watch-list';
import { MemberIgnoreEntity } from './entities/member-ignore.entity';
import { MemberMuteEntity } from './entities/member-mute.entity';
import { RoomSettingsEntity } from './entities/room-settings.entity';
import { SafetyAlertEntity } from './entities/safety-alert.entity';
import { WatchedWordEntity } from './entities/watched-word.entity';

/** Published as the group id when something every group shares changed (the admin's words). */
export const EVERY_GROUP = '*';

export interface RoomControls {
  locked: boolean;
  slowModeSeconds: number;
  /** Null: the group's own rules. */
  pinnedRules: string | null;
}

type Relation = ReadonlyMap<string, ReadonlySet<string>>;

function relate(pairs: Array<[string, string]>): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const [from, to] of pairs) map.set(from, (map.get(from) ?? new Set()).add(to));
  return map;
}

/** One group's moderation state as the send path and the broadcasts need it. */
export class GroupModeration {
  constructor(
    readonly groupId: string,
    readonly room: RoomControls,
    private readonly mutes: ReadonlyMap<string, number>,
    readonly watchList: WatchList,
    /** viewer → authors whose messages the viewer chose to ignore. */
    private readonly ignores: Relation,
    /** viewer → members hidden from the viewer by an open "I think I know this person" alert. */
    private readonly hides: Relation,
  ) {}

  /** When the member's mute ends (ms), or null when not muted at `nowMs`. */
  mutedUntil(memberId: string, nowMs: number): number | null {
    const until = this.mutes.get(memberId);
    return until !== undefined && until > nowMs ? until : null;
  }

  activeMutes(nowMs: number): Array<{ memberId: string; until: number }> {
    return [...this.mutes].filter(([, until]) => until > nowMs).map(([memberId, until]) => ({ memberId, until }));
  }

  /** Members who must not get this author's messages or typing: they ignore them, or must not see them. */
  messageHiddenFor(authorId: string | null): string[] {
    if (!authorId) return [];
    const viewers: string[] = [];
    for (const [viewer, authors] of this.ignores) if (authors.has(authorId)) viewers.push(viewer);
    for (const [viewer, people] of this.hides)
      if (people.has(authorId) && !viewers.includes(viewer)) viewers.push(viewer);
    return viewers;
  }

  /** Authors whose messages this viewer does not get (REST history, join, catch-up). */
  hiddenAuthorsFor(viewerId: string): string[] {
    return [...new Set([...(this.ignores.get(viewerId) ?? []), ...(this.hides.get(viewerId) ?? [])])];
  }

  /** Members this viewer must not see at all (presence, member list). */
  hiddenPeopleFor(viewerId: string): ReadonlySet<string> {
    return this.hides.get(viewerId) ?? new Set();
  }

  /** viewer → hidden members, for presence. */
  peopleHides(): Relation {
    return this.hides;
  }

  ignoredBy(viewerId: string): string[] {
    return [...(this.ignores.get(viewerId) ?? [])];
  }
}

/**
 * An in-memory view of moderation state (room controls, mutes, watched words, ignores, hides) so
 * the chat send path needs no database query per message. Every change publishes on the ChangeBus
 * after its commit and before the HTTP answer; the listener drops the group here (and on every
 * other instance) synchronously, so a send in the same tick reloads and is refused.
 */
@Injectable()
export class ModerationView implements OnModuleDestroy {
  private readonly groups = new Map<string, GroupModeration>();
  private adminWords: WatchedWord[] | null = null;
  /** Bumped on every change, so a load that raced with a change is not cached. */
  private version = 0;
  private readonly unsubscribe: () => void;

  constructor(
    @InjectRepository(RoomSettingsEntity) private readonly settings: Repository<RoomSettingsEntity>,
    @InjectRepository(MemberMuteEntity) private readonly mutes: Repository<MemberMuteEntity>,
    @InjectRepository(WatchedWordEntity) private readonly words: Repository<WatchedWordEntity>,
    @InjectRepository(MemberIgnoreEntity) private readonly ignores: Repository<MemberIgnoreEntity>,
    @InjectRepository(SafetyAlertEntity) private readonly alerts: Repository<SafetyAlertEntity>,
    private readonly changes: ChangeBus,
  ) {
    this.unsubscribe = changes.subscribe((change) => {
      if (change.kind !== 'moderation') return;
      this.version++;
      if (change.groupId === EVERY_GROUP) {
        this.groups.clear();
        this.adminWords = null;
      } else {
        this.groups.delete(change.groupId);
      }
    });
  }

  onModuleDestroy(): void {
    this.unsubscribe();
  }

  /** Call after any committed moderation change (EVERY_GROUP for the admin's list or an erased account). */
  changed(groupId: string): void {
    this.changes.publish({ kind: 'moderation', groupId });
  }

  async group(groupId: string): Promise<GroupModeration> {
    const cached = this.groups.get(groupId);
    if (cached) return cached;
    const versionBefore = this.version;
    const [settings, mutes, groupWords, adminWords, ignores, hides] = await Promise.all([
      this.settings.findOneBy({ groupId }),
      this.mutes.findBy({ groupId }),
      this.groupWords(groupId),
      this.adminWordList(),
      this.ignores.find({ where: { groupId }, select: { memberId: true, ignoredMemberId: true } }),
      this.alerts.find({
        where: { groupId, kind: 'knows-member', status: 'open' },
        select: { fromMemberId: true, aboutMemberId: true },
      }),
    ]);
    const view = new GroupModeration(
      groupId,
      {
        locked: settings?.locked ?? false,
        slowModeSeconds: settings?.slowModeSeconds ?? 0,
        pinnedRules: settings?.pinnedRules ?? null,
      },
      new Map(mutes.map((m) => [m.memberId, m.mutedUntil.getTime()])),
      WatchList.compile(adminWords, groupWords),
      relate(ignores.map((i) => [i.memberId, i.ignoredMemberId])),
      relate(
        hides
          .filter((h) => h.fromMemberId !== null && h.aboutMemberId !== null)
          .map((h) => [h.aboutMemberId!, h.fromMemberId!]),
      ),
    );
    if (this.version === versionBefore) this.groups.set(groupId, view);
    return view;
  }

  async adminWordList(): Promise<WatchedWord[]> {
    if (this.adminWords) return this.adminWords;
    const versionBefore = this.version;
    const rows = await this.words.find({ where: { groupId: IsNull() }, order: { position: 'ASC' } });
    const list = rows.map((w) => ({ pattern: w.pattern, action: w.action }));
    if (this.version === versionBefore) this.adminWords = list;
    return list;
  }

  async groupWords(groupId: string): Promise<WatchedWord[]> {
    const rows = await this.words.find({ where: { groupId }, order: { position: 'ASC' } });
    return rows.map((w) => ({ pattern: w.pattern, action: w.action }));
  }
}
