import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import { HoldsPersonalData, type PersonalDataHolder } from '../../common/personal-data';
import { MembershipEntity } from '../membership/entities/membership.entity';
import { MessageEntity } from './entities/message.entity';
import { MessageSealing } from './message-sealing';

/**
 * My messages: exported decrypted. On deletion they stay in their groups' history, shown as a
 * "former member": deleting the memberships nulls their author through the foreign key.
 */
@Injectable()
@HoldsPersonalData()
export class ChatPersonalData implements PersonalDataHolder {
  readonly personalDataKey = 'messages';

  constructor(
    @InjectRepository(MessageEntity) private readonly messages: Repository<MessageEntity>,
    @InjectRepository(MembershipEntity) private readonly memberships: Repository<MembershipEntity>,
    private readonly sealing: MessageSealing,
  ) {}

  async exportPersonalData(accountId: string) {
    const mine = await this.memberships.find({ where: { accountId }, select: { id: true } });
    if (mine.length === 0) return [];
    const rows = await this.messages.find({ where: { memberId: In(mine.map((m) => m.id)) }, order: { createdAt: 'ASC' } });
    return rows.map((m) => ({
      id: m.id,
      groupId: m.groupId,
      memberId: m.memberId,
      body: m.removed === 'author' ? null : this.sealing.open('body', m.bodySealed, m.id, m.groupId),
      contentWarning: this.sealing.open('content_warning', m.contentWarningSealed, m.id, m.groupId),
      status: m.status,
      removed: m.removed,
      createdAt: m.createdAt.toISOString(),
    }));
  }

  async erasePersonalData(): Promise<void> {
    // Nothing to do here: see the class comment.
  }
}
