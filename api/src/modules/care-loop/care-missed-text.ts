import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Locale } from '@tryg/shared';
import { GroupEntity } from '../groups/entities/group.entity';
import {
  type LateNotificationParamsMap,
  type LateNotificationRenderer,
  type NotificationReader,
  RendersNotificationText,
} from '../notifications/notification-late-text';
import { ReferralEntity } from '../referrals/entities/referral.entity';
import { ReferralsService } from '../referrals/referrals.service';

/** The text names the client by the coordinator's own reference and the group; nothing that was said. */
export function careMissedText(locale: Locale, clientReference: string | null, groupName: string): string {
  if (locale === 'da') {
    const who = clientReference ? `Din klient ${clientReference}` : `En klient, du har henvist,`;
    return `${who} har ikke været med i ${groupName} de seneste gange. Klienten har selv valgt, at du får besked, så du kan høre, hvordan det går.`;
  }
  const who = clientReference ? `Your client ${clientReference}` : 'A client you referred';
  return `${who} has missed the last meetings of ${groupName}. They chose to let you know, so you can check on them.`;
}

/**
 * Renders `care-missed` when its recipient reads it: the row holds only the referral and group ids,
 * and the client reference is opened from the referral's sealed column now — only for the
 * coordinator who made that referral.
 */
@Injectable()
@RendersNotificationText()
export class CareMissedText implements LateNotificationRenderer<'care-missed'> {
  readonly lateKind = 'care-missed' as const;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly referrals: ReferralsService,
  ) {}

  async render(params: LateNotificationParamsMap['care-missed'], reader: NotificationReader): Promise<string> {
    const [referral, group] = await Promise.all([
      this.dataSource.getRepository(ReferralEntity).findOneBy({ id: params.referralId }),
      this.dataSource.getRepository(GroupEntity).findOneBy({ id: params.groupId }),
    ]);
    const own = referral?.coordinatorId === reader.accountId ? referral : null;
    const reference = own ? this.referrals.openClientReference(own) : null;
    return careMissedText(reader.locale, reference, group?.name ?? '—');
  }
}
