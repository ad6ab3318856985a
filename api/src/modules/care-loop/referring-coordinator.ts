import type { EntityManager } from 'typeorm';
import { AccountEntity } from '../accounts/entities/account.entity';
import { ReferralEntity } from '../referrals/entities/referral.entity';

/**
 * The coordinator who referred a member: the one person the care loop may tell. Only the
 * referral's own coordinator, and only while their account exists and is enabled.
 */
export async function referralOf(manager: EntityManager, membershipId: string): Promise<ReferralEntity | null> {
  return manager.findOne(ReferralEntity, { where: { membershipId }, order: { createdAt: 'DESC' } });
}

export async function coordinatorAvailable(manager: EntityManager, referral: ReferralEntity | null): Promise<boolean> {
  if (!referral?.coordinatorId) return false;
  const account = await manager.findOne(AccountEntity, {
    where: { id: referral.coordinatorId },
    select: { id: true, role: true, disabledAt: true },
  });
  return account !== null && account.role === 'coordinator' && account.disabledAt === null;
}
