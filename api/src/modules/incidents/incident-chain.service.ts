import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import type { IncidentVerification } from '@tryg/shared';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import { hmacHex } from '../../common/crypto';
import { DataCrypto } from '../../common/data-crypto.service';
import { CHAIN_KEYS_PURPOSE, chainKeysAad, chainKeysFromText, type ChainMacKeys, IncidentKeys } from './incident-keys';
import { type ChainHashes, GENESIS_HASH, headMac, linkHash, tombstoneDigest, verifyChain } from './incident-chain';
import { IncidentChainKeyEntity } from './entities/incident-chain-key.entity';
import { canonicalJson, type IncidentContent } from './incident-content';
import { IncidentLogEntity } from './entities/incident-log.entity';
import { type IncidentVersionKind, IncidentVersionEntity } from './entities/incident-version.entity';

export interface NewVersion {
  entryId: string;
  version: number;
  kind: IncidentVersionKind;
  /** null for a deletion's tombstone. */
  content: IncidentContent | null;
}

const CONCURRENT_CHANGE = 'The log changed at the same moment. Please try again.';

/** The tamper-evident chain of a participant's log: appending versions, reading and checking them. */
@Injectable()
export class IncidentChainService {
  constructor(
    @InjectRepository(IncidentVersionEntity) private readonly versions: Repository<IncidentVersionEntity>,
    @InjectRepository(IncidentLogEntity) private readonly logs: Repository<IncidentLogEntity>,
    @InjectRepository(IncidentChainKeyEntity) private readonly retiredKeys: Repository<IncidentChainKeyEntity>,
    private readonly keys: IncidentKeys,
    private readonly crypto: DataCrypto,
    private readonly clock: Clock,
  ) {}

  /** The hashes new links are made with (the current DATA_KEY). */
  hashesFor(accountId: string): ChainHashes {
    return {
      digest: (canonical) => this.keys.digest(accountId, canonical),
      link: (canonical) => this.keys.link(accountId, canonical),
      head: (canonical) => this.keys.head(accountId, canonical),
    };
  }

  /**
   * The hashes of every key the account's links and head were made with: a configured data key,
   * or a retired one's MAC keys that rotation kept (sealed) in incident_chain_keys.
   */
  private async hashesByKey(accountId: string, keyIds: (string | null)[]): Promise<Map<string | null, ChainHashes | null>> {
    const found = new Map<string | null, ChainHashes | null>();
    for (const keyId of new Set(keyIds)) {
      let macKeys: ChainMacKeys | undefined = this.keys.macKeys(accountId, keyId);
      if (!macKeys && keyId !== null) {
        const retired = await this.retiredKeys.findOneBy({ accountId, keyId });
        try {
          if (retired) macKeys = chainKeysFromText(this.crypto.open(CHAIN_KEYS_PURPOSE, retired.keysSealed, chainKeysAad(accountId, keyId)));
        } catch {
          macKeys = undefined;
        }
      }
      found.set(keyId, macKeys ? macHashes(macKeys) : null);
    }
    return found;
  }

  /** The whole chain, oldest first. */
  chainOf(accountId: string, manager?: EntityManager): Promise<IncidentVersionEntity[]> {
    return (manager?.getRepository(IncidentVersionEntity) ?? this.versions).find({
      where: { accountId },
      order: { seq: 'ASC' },
    });
  }

  /** One entry's versions, oldest first; empty when the entry is not this account's. */
  versionsOf(accountId: string, entryId: string, manager?: EntityManager): Promise<IncidentVersionEntity[]> {
    return (manager?.getRepository(IncidentVersionEntity) ?? this.versions).find({
      where: { accountId, entryId },
      order: { version: 'ASC' },
    });
  }

  headOf(accountId: string): Promise<IncidentLogEntity | null> {
    return this.logs.findOneBy({ accountId });
  }

  /**
   * Appends one version inside the caller's transaction: seals the content, links it to the head
   * and moves the head. The owner row is updated only from the count read here, so two writers
   * racing on PostgreSQL cannot fork the chain (the loser gets 409).
   */
  async appendIn(manager: EntityManager, accountId: string, next: NewVersion): Promise<IncidentVersionEntity> {
    const hashes = this.hashesFor(accountId);
    const keyId = this.keys.currentKeyId;
    const recordedAt = this.clock.now();
    const log = await manager.findOneBy(IncidentLogEntity, { accountId });
    const seq = (log?.versionCount ?? 0) + 1;
    const id = randomUUID();
    let content: string | null = null;
    let digest: string;
    if (next.content) {
      const plaintext = canonicalJson(next.content);
      content = this.keys.sealContent(accountId, id, plaintext);
      digest = hashes.digest(plaintext);
    } else {
      digest = tombstoneDigest(hashes, next.entryId, next.version);
    }
    const hash = linkHash(
      hashes,
      { seq, entryId: next.entryId, version: next.version, kind: next.kind, digest, recordedAt },
      log?.headHash ?? GENESIS_HASH,
    );
    const head = { versionCount: seq, headHash: hash, headEntryId: next.entryId, headVersion: next.version };
    const moved = { ...head, headMac: headMac(hashes, head), keyId, updatedAt: recordedAt };
    if (!log) {
      await manager.insert(IncidentLogEntity, { accountId, ...moved, attachmentCount: 0, createdAt: recordedAt });
    } else {
      const result = await manager.update(IncidentLogEntity, { accountId, versionCount: log.versionCount }, moved);
      if (result.affected !== 1) throw new DomainError('CONFLICT', CONCURRENT_CHANGE);
    }
    const row = manager.create(IncidentVersionEntity, {
      id,
      accountId,
      seq,
      entryId: next.entryId,
      version: next.version,
      kind: next.kind,
      content,
      digest,
      recordedAt,
      hash,
      keyId,
    });
    await manager.insert(IncidentVersionEntity, row);
    return row;
  }

  /** The next bilag number of the account's log (numbers are never reused). */
  async reserveBilagIn(manager: EntityManager, accountId: string): Promise<number> {
    const log = await manager.findOneBy(IncidentLogEntity, { accountId });
    if (!log) throw new DomainError('NOT_FOUND');
    const bilag = log.attachmentCount + 1;
    const result = await manager.update(
      IncidentLogEntity,
      { accountId, attachmentCount: log.attachmentCount },
      { attachmentCount: bilag },
    );
    if (result.affected !== 1) throw new DomainError('CONFLICT', CONCURRENT_CHANGE);
    return bilag;
  }

  /** Decrypts one version's content; throws (DecryptionError, SyntaxError) when it does not hold. */
  open(accountId: string, row: Pick<IncidentVersionEntity, 'id' | 'content'>): string {
    if (row.content === null) throw new Error('erased');
    return this.keys.openContent(accountId, row.id, row.content);
  }

  async verify(accountId: string): Promise<IncidentVerification> {
    const [head, rows] = await Promise.all([this.headOf(accountId), this.chainOf(accountId)]);
    const hashes = await this.hashesByKey(accountId, [...rows.map((row) => row.keyId), ...(head ? [head.keyId] : [])]);
    return verifyChain((keyId) => hashes.get(keyId) ?? null, head, rows, (row) => this.open(accountId, row));
  }
}

function macHashes(keys: ChainMacKeys): ChainHashes {
  return {
    digest: (canonical) => hmacHex(keys.digest, canonical),
    link: (canonical) => hmacHex(keys.chain, canonical),
    head: (canonical) => hmacHex(keys.head, canonical),
  };
}
