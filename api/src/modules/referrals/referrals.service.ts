import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import type { CreateReferralDto, Page, Referral, ReferralCreated, ReferralStatus } from '@tryg/shared';
import { Clock } from '../../common/clock';
import { normalizeReadableCode, readableCode } from '../../common/crypto';
import { DataCrypto } from '../../common/data-crypto.service';
import { DomainError } from '../../common/domain-error';
import type { RequestAuth } from '../../common/request-auth';
import { WriteQueue } from '../../common/write-queue';
import { AuditService } from '../audit/audit.service';
import { GroupsService } from '../groups/groups.service';
import { MembershipService } from '../membership/membership.service';
import { ReferralEntity } from './entities/referral.entity';
import { type KeepApartView, ReferenceHasher } from './keep-apart';

const DEFAULT_EXPIRY_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;
/** 5 groups of 4 readable characters: 100 random bits, easy to read over the phone. */
const CODE_GROUPS = 5;

export const SEALED = {
  clientReference: (id: string) => `referrals.client_reference:${id}`,
  note: (id: string) => `referrals.note:${id}`,
  keepApart: (id: string) => `referrals.keep_apart:${id}`,
};

export function statusOf(referral: ReferralEntity, now: Date): ReferralStatus {
  return referral.status === 'issued' && now >= referral.expiresAt ? 'expired' : referral.status;
}

/** Coordinators refer clients to groups with one-time codes and follow the status — never chat, never the pseudonym. */
@Injectable()
export class ReferralsService {
  private readonly logger = new Logger('Referrals');

  constructor(
    @InjectRepository(ReferralEntity) private readonly referrals: Repository<ReferralEntity>,
    private readonly groups: GroupsService,
    private readonly membership: MembershipService,
    private readonly references: ReferenceHasher,
    private readonly crypto: DataCrypto,
    private readonly writes: WriteQueue,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  codeHash(code: string): string {
    return this.crypto.keyedHash('referral-code', normalizeReadableCode(code));
  }

  /** A code is hashed under the key current when it was issued (codeKeyId); it cannot be re-hashed, so look under every key. */
  findByCode(code: string): Promise<ReferralEntity | null> {
    return this.referrals.findOneBy({ codeHash: In(this.crypto.keyedHashes('referral-code', normalizeReadableCode(code))) });
  }

  /**
   * The referral's client reference and keep-apart list as keyed hashes under every configured key,
   * from the sealed texts (a list kept before it was sealed: the stored hashes).
   */
  matchView(referral: ReferralEntity): KeepApartView {
    const clientReference = this.openClientReference(referral);
    const keepApart = this.openKeepApart(referral);
    return {
      clientReferenceHashes: clientReference !== null ? this.references.hashesUnderEveryKey([clientReference]) : referral.clientReferenceHash ? [referral.clientReferenceHash] : [],
      keepApart: keepApart !== null ? this.references.hashesUnderEveryKey(keepApart) : (JSON.parse(referral.keepApartHashes) as string[]),
    };
  }

  findByMembership(membershipId: string): Promise<ReferralEntity | null> {
    return this.referrals.findOneBy({ membershipId });
  }

  async issue(auth: RequestAuth, dto: CreateReferralDto): Promise<ReferralCreated> {
    const group = await this.groups.require(dto.groupId);
    const clientReferenceHash = dto.clientReference ? this.references.hash(dto.clientReference) : null;
    const matchHashes = dto.clientReference ? this.references.hashesUnderEveryKey([dto.clientReference]) : [];
    if (matchHashes.length > 0 && (await this.membership.isBanned(group.id, null, matchHashes))) {
      throw new DomainError('BANNED');
    }
    const code = readableCode(CODE_GROUPS, 4);
    const id = randomUUID();
    const now = this.clock.now();
    const referral: ReferralEntity = {
      id,
      groupId: group.id,
      coordinatorId: auth.accountId,
      codeHash: this.codeHash(code),
      codeKeyId: this.crypto.ring.current.id,
      status: 'issued',
      clientReferenceSealed: dto.clientReference ? this.crypto.seal('referral', dto.clientReference, SEALED.clientReference(id)) : null,
      clientReferenceHash,
      noteSealed: dto.noteForFacilitator ? this.crypto.seal('referral', dto.noteForFacilitator, SEALED.note(id)) : null,
      keepApartHashes: JSON.stringify(this.references.hashAll(dto.keepApart ?? [])),
      // Sealed too, so a key rotation can re-make the hashes (they cannot be reversed).
      keepApartSealed: dto.keepApart?.length ? this.crypto.seal('referral', JSON.stringify(dto.keepApart), SEALED.keepApart(id)) : null,
      membershipId: null,
      keepApartMatchedAt: null,
      careSince: null,
      careMissed: null,
      expiresAt: new Date(now.getTime() + (dto.expiresInDays ?? DEFAULT_EXPIRY_DAYS) * DAY_MS),
      createdAt: now,
      updatedAt: now,
    };
    await this.writes.run(async (m) => {
      await m.insert(ReferralEntity, referral);
      await this.audit.recordIn(m, 'referral.issued', auth.accountId, id);
    });
    return { referral: this.toReferral(referral, dto.clientReference ?? null), code };
  }

  /** The coordinator's own referrals, newest first. Each shown client reference is an audited read. */
  async listOwn(auth: RequestAuth): Promise<Page<Referral>> {
    const rows = await this.referrals.find({ where: { coordinatorId: auth.accountId }, order: { createdAt: 'DESC' } });
    const items = rows.map((r) => this.toReferral(r, this.openClientReference(r)));
    const read = rows.filter((r) => r.clientReferenceSealed !== null);
    if (read.length > 0) {
      await this.writes.run(async (m) => {
        for (const r of read) await this.audit.recordIn(m, 'referral.client-reference.read', auth.accountId, r.id);
      });
    }
    return { items, nextCursor: null };
  }

  /**
   * The referrals a client case links to: those with the same client reference (compared by its
   * keyed hashes under every configured key, never in plain text) made by the case's coordinators.
   * Newest first.
   */
  async listLinked(clientReferenceHashes: string[], coordinatorIds: string[]): Promise<Referral[]> {
    if (coordinatorIds.length === 0 || clientReferenceHashes.length === 0) return [];
    const rows = await this.referrals.find({
      where: { clientReferenceHash: In(clientReferenceHashes), coordinatorId: In(coordinatorIds) },
      order: { createdAt: 'DESC' },
    });
    return rows.map((r) => this.toReferral(r, this.openClientReference(r)));
  }

  async revoke(auth: RequestAuth, id: string): Promise<Referral> {
    const referral = await this.referrals.findOneBy({ id, coordinatorId: auth.accountId });
    if (!referral) throw new DomainError('NOT_FOUND');
    if (statusOf(referral, this.clock.now()) !== 'issued') throw new DomainError('CONFLICT', 'Only an unused, unexpired code can be revoked.');
    const updated = { ...referral, status: 'revoked' as const, updatedAt: this.clock.now() };
    await this.writes.run(async (m) => {
      await m.update(ReferralEntity, { id }, { status: 'revoked', updatedAt: updated.updatedAt });
      await this.audit.recordIn(m, 'referral.revoked', auth.accountId, id);
    });
    return this.toReferral(updated, this.openClientReference(updated));
  }

  /** A sealed value that does not open (moved, changed) is shown as absent, never another row's text. */
  openClientReference(referral: ReferralEntity): string | null {
    if (!referral.clientReferenceSealed) return null;
    try {
      return this.crypto.open('referral', referral.clientReferenceSealed, SEALED.clientReference(referral.id));
    } catch {
      this.logger.warn(`Client reference of referral ${referral.id} does not decrypt.`);
      return null;
    }
  }

  openKeepApart(referral: ReferralEntity): string[] | null {
    if (!referral.keepApartSealed) return null;
    try {
      return JSON.parse(this.crypto.open('referral', referral.keepApartSealed, SEALED.keepApart(referral.id))) as string[];
    } catch {
      this.logger.warn(`Keep-apart list of referral ${referral.id} does not decrypt.`);
      return null;
    }
  }

  openNote(referral: ReferralEntity): string | null {
    if (!referral.noteSealed) return null;
    try {
      return this.crypto.open('referral', referral.noteSealed, SEALED.note(referral.id));
    } catch {
      this.logger.warn(`Note of referral ${referral.id} does not decrypt.`);
      return null;
    }
  }

  toReferral(entity: ReferralEntity, clientReference: string | null): Referral {
    return {
      id: entity.id,
      groupId: entity.groupId,
      status: statusOf(entity, this.clock.now()),
      clientReference,
      createdAt: entity.createdAt.toISOString(),
      expiresAt: entity.expiresAt.toISOString(),
      keepApartMatch: entity.keepApartMatchedAt !== null,
      care: entity.careSince ? { missedInARow: entity.careMissed ?? 0, since: entity.careSince.toISOString() } : null,
    };
  }
}
