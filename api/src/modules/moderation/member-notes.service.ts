import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { AddMemberNoteDto, MemberNote, Page } from '@tryg/shared';
import { Clock } from '../../common/clock';
import { decodeCursor, encodeCursor } from '../../common/cursor';
import { DomainError } from '../../common/domain-error';
import type { RequestAuth } from '../../common/request-auth';
import { WriteQueue } from '../../common/write-queue';
import { AuditService } from '../audit/audit.service';
import { ChatService } from '../chat/chat.service';
import { MembershipService } from '../membership/membership.service';
import { ModerationSealing } from './moderation-sealing';
import { MemberNoteEntity } from './entities/member-note.entity';
import { ModerationAccess } from './moderation-access';

const PAGE_SIZE = 50;

/**
 * Facilitators' private notes on a member, encrypted at rest (the AAD names the note, its group
 * and the member), readable by the group's facilitators only; each read is audited.
 */
@Injectable()
export class MemberNotesService {
  constructor(
    @InjectRepository(MemberNoteEntity) private readonly notes: Repository<MemberNoteEntity>,
    private readonly access: ModerationAccess,
    private readonly membership: MembershipService,
    private readonly chat: ChatService,
    private readonly sealing: ModerationSealing,
    private readonly audit: AuditService,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
  ) {}

  private async requireMember(groupId: string, memberId: string): Promise<void> {
    if (!(await this.membership.findInGroup(groupId, memberId))) throw new DomainError('NOT_FOUND');
  }

  async list(auth: RequestAuth, groupId: string, memberId: string, cursor?: string): Promise<Page<MemberNote>> {
    await this.access.facilitator(auth, groupId);
    await this.requireMember(groupId, memberId);
    const qb = this.notes
      .createQueryBuilder('n')
      .where('n.group_id = :groupId AND n.member_id = :memberId', { groupId, memberId });
    const after = decodeCursor(cursor);
    if (after)
      qb.andWhere('(n.created_at < :at OR (n.created_at = :at AND n.id < :id))', { at: after.at, id: after.id });
    const rows = await qb
      .orderBy('n.created_at', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .take(PAGE_SIZE + 1)
      .getMany();
    const page = rows.slice(0, PAGE_SIZE);
    const names = await this.chat.displayNames(groupId);
    await this.audit.record('member-notes.read', auth.accountId, memberId);
    const last = rows.length > PAGE_SIZE ? page.at(-1)! : null;
    return {
      items: page.map((n) => this.toNote(n, names)),
      nextCursor: last ? encodeCursor({ at: last.createdAt.toISOString(), id: last.id }) : null,
    };
  }

  async add(auth: RequestAuth, groupId: string, memberId: string, dto: AddMemberNoteDto): Promise<MemberNote> {
    const ctx = await this.access.facilitator(auth, groupId);
    await this.requireMember(groupId, memberId);
    const id = randomUUID();
    const note: MemberNoteEntity = {
      id,
      groupId,
      memberId,
      authorMemberId: ctx.actor.id,
      bodySealed: this.sealing.seal('member_notes.body', dto.body, id, groupId, memberId)!,
      createdAt: this.clock.now(),
    };
    await this.writes.run(async (m) => {
      await m.insert(MemberNoteEntity, note);
      await this.audit.recordIn(m, 'member-note.added', auth.accountId, memberId);
    });
    return this.toNote(note, new Map([[ctx.actor.id, ctx.actor.displayName]]));
  }

  private toNote(note: MemberNoteEntity, names: ReadonlyMap<string, string>): MemberNote {
    return {
      id: note.id,
      memberId: note.memberId,
      body: this.sealing.open('member_notes.body', note.bodySealed, note.id, note.groupId, note.memberId),
      authorDisplayName: note.authorMemberId ? (names.get(note.authorMemberId) ?? null) : null,
      createdAt: note.createdAt.toISOString(),
    };
  }
}
