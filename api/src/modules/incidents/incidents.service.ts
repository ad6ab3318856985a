import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  type CreateIncidentDto,
  type IncidentEntry,
  type IncidentListQueryDto,
  type IncidentStats,
  type IncidentVerification,
  type Page,
  UpdateIncidentDto,
} from '@tryg/shared';
import { Clock } from '../../common/clock';
import { decodeCursor, encodeCursor } from '../../common/cursor';
import { DomainError } from '../../common/domain-error';
import { createValidationPipe } from '../../common/validation';
import { WriteQueue } from '../../common/write-queue';
import { IncidentChainService } from './incident-chain.service';
import {
  canonicalJson,
  contentFromCreate,
  contentWithUpdate,
  type IncidentContent,
  parseContent,
  toIncidentEntry,
} from './incident-content';
import { incidentStats } from './incident-stats';
import { LOG_TIME_ZONE } from './export/export-texts';
import { IncidentAttachmentEntity } from './entities/incident-attachment.entity';
import { IncidentChainKeyEntity } from './entities/incident-chain-key.entity';
import { IncidentLogEntity } from './entities/incident-log.entity';
import { IncidentVersionEntity } from './entities/incident-version.entity';

const PAGE_SIZE = 50;
/** A clock or time zone slip is forgiven; an incident a day ahead is a mistake. */
const FUTURE_SLACK_MS = 24 * 60 * 60 * 1000;
const EARLIEST = Date.UTC(1900, 0, 1);

export interface ReadableEntry {
  entry: IncidentEntry;
  content: IncidentContent;
}

export interface AccountLog {
  /** Newest first (by when it happened). */
  entries: IncidentEntry[];
  /** Entries whose latest version does not decrypt: left out, and the check reports them. */
  unreadable: string[];
}

export const UNREADABLE_MESSAGE = 'This entry cannot be read: it was changed outside Tryg. The log check shows where.';

/**
 * A participant's incident log. Only the owner ever reaches an entry: every lookup is by the
 * caller's own account, so anyone else's id is simply not found (404), whatever their role.
 */
@Injectable()
export class IncidentsService {
  private readonly validation = createValidationPipe();

  constructor(
    private readonly chain: IncidentChainService,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
  ) {}

  async list(accountId: string, query: IncidentListQueryDto): Promise<Page<IncidentEntry>> {
    const { entries } = await this.readLog(accountId);
    const from = query.from ? new Date(query.from).toISOString() : null;
    const to = query.to ? new Date(query.to).toISOString() : null;
    const after = decodeCursor(query.cursor);
    const matching = entries.filter(
      (entry) =>
        (!query.contactType || entry.contactType === query.contactType) &&
        (query.keyExample === undefined || entry.keyExample === query.keyExample) &&
        (!from || entry.occurredAt >= from) &&
        (!to || entry.occurredAt < to) &&
        (!after || entry.occurredAt < after.at || (entry.occurredAt === after.at && entry.id < after.id)),
    );
    const limit = query.limit ?? PAGE_SIZE;
    const items = matching.slice(0, limit);
    const last = matching.length > limit ? items[items.length - 1] : null;
    return { items, nextCursor: last ? encodeCursor({ at: last.occurredAt, id: last.id }) : null };
  }

  async get(accountId: string, entryId: string): Promise<IncidentEntry> {
    return (await this.readOwnEntry(accountId, entryId)).entry;
  }

  async create(accountId: string, dto: CreateIncidentDto): Promise<IncidentEntry> {
    const content = contentFromCreate(dto);
    this.assertPlausibleTime(content.occurredAt);
    const entryId = randomUUID();
    const row = await this.writes.run((m) =>
      this.chain.appendIn(m, accountId, { entryId, version: 1, kind: 'create', content }),
    );
    return toIncidentEntry(
      { entryId, version: 1, recordedAt: row.recordedAt, firstRecordedAt: row.recordedAt, hash: row.hash },
      content,
    );
  }

  /**
   * An edit appends a new version; the old one stays in the chain. The body is validated only
   * after the entry is found, so the answer order is 404 before 400 (CONTRACT).
   */
  async update(accountId: string, entryId: string, body: unknown): Promise<IncidentEntry> {
    const current = await this.readOwnEntry(accountId, entryId);
    const dto = (await this.validation.transform(body ?? {}, {
      type: 'body',
      metatype: UpdateIncidentDto,
    })) as UpdateIncidentDto;
    const content = contentWithUpdate(current.content, dto);
    this.assertPlausibleTime(content.occurredAt);
    if (canonicalJson(content) === canonicalJson(current.content)) return current.entry;
    return this.writes.run(async (m) => {
      const rows = await this.chain.versionsOf(accountId, entryId, m);
      const last = rows[rows.length - 1];
      if (!last || last.kind === 'delete') throw new DomainError('NOT_FOUND');
      if (last.version !== current.entry.version)
        throw new DomainError('CONFLICT', 'The entry changed at the same moment. Please reload it.');
      const row = await this.chain.appendIn(m, accountId, {
        entryId,
        version: last.version + 1,
        kind: 'edit',
        content,
      });
      return toIncidentEntry(
        {
          entryId,
          version: row.version,
          recordedAt: row.recordedAt,
          firstRecordedAt: rows[0].recordedAt,
          hash: row.hash,
        },
        content,
      );
    });
  }

  /** Erases the entry's text in every version and its attachments; the chain keeps digests and a tombstone. */
  async remove(accountId: string, entryId: string): Promise<void> {
    await this.writes.run(async (m) => {
      const rows = await this.chain.versionsOf(accountId, entryId, m);
      const last = rows[rows.length - 1];
      if (!last || last.kind === 'delete') throw new DomainError('NOT_FOUND');
      await m.update(IncidentVersionEntity, { accountId, entryId }, { content: null });
      await m.delete(IncidentAttachmentEntity, { accountId, entryId });
      await this.chain.appendIn(m, accountId, { entryId, version: last.version + 1, kind: 'delete', content: null });
    });
  }

  async stats(accountId: string): Promise<IncidentStats> {
    const { entries } = await this.readLog(accountId);
    return incidentStats(entries, LOG_TIME_ZONE);
  }

  verify(accountId: string): Promise<IncidentVerification> {
    return this.chain.verify(accountId);
  }

  /** For the privacy export (`GET /me/export`): every entry decrypted, private layer included. */
  async exportForAccount(accountId: string): Promise<AccountLog & { verification: IncidentVerification }> {
    const [log, verification] = await Promise.all([this.readLog(accountId), this.chain.verify(accountId)]);
    return { ...log, verification };
  }

  /** For account deletion (`DELETE /me`), inside the caller's write: the whole log, chain and attachments. */
  async deleteAllForAccount(manager: EntityManager, accountId: string): Promise<void> {
    await manager.delete(IncidentAttachmentEntity, { accountId });
    await manager.delete(IncidentVersionEntity, { accountId });
    await manager.delete(IncidentLogEntity, { accountId });
    await manager.delete(IncidentChainKeyEntity, { accountId });
  }

  /** The account's current entries, newest first. */
  async readLog(accountId: string): Promise<AccountLog> {
    const rows = await this.chain.chainOf(accountId);
    const byEntry = new Map<string, IncidentVersionEntity[]>();
    for (const row of rows) byEntry.set(row.entryId, [...(byEntry.get(row.entryId) ?? []), row]);
    const entries: IncidentEntry[] = [];
    const unreadable: string[] = [];
    for (const [entryId, versions] of byEntry) {
      const read = this.readEntry(accountId, versions);
      if (read === 'unreadable') unreadable.push(entryId);
      else if (read) entries.push(read.entry);
    }
    entries.sort((a, b) => b.occurredAt.localeCompare(a.occurredAt) || b.id.localeCompare(a.id));
    return { entries, unreadable };
  }

  /** The caller's own live entry: 404 for anyone else's id, a deleted one or none; 409 if it does not decrypt. */
  async readOwnEntry(accountId: string, entryId: string, manager?: EntityManager): Promise<ReadableEntry> {
    const read = this.readEntry(accountId, await this.chain.versionsOf(accountId, entryId, manager));
    if (!read) throw new DomainError('NOT_FOUND');
    if (read === 'unreadable') throw new DomainError('CONFLICT', UNREADABLE_MESSAGE);
    return read;
  }

  /** An entry from its versions (oldest first): null when there is none or it was deleted. */
  readEntry(accountId: string, versions: IncidentVersionEntity[]): ReadableEntry | 'unreadable' | null {
    const last = versions[versions.length - 1];
    if (!last || last.kind === 'delete') return null;
    try {
      const content = parseContent(this.chain.open(accountId, last));
      const entry = toIncidentEntry(
        {
          entryId: last.entryId,
          version: last.version,
          recordedAt: last.recordedAt,
          firstRecordedAt: versions[0].recordedAt,
          hash: last.hash,
        },
        content,
      );
      return { entry, content };
    } catch {
      // Changed or moved ciphertext, or a garbled date: never a 500, never another row's text.
      return 'unreadable';
    }
  }

  private assertPlausibleTime(occurredAt: string): void {
    const at = new Date(occurredAt).getTime();
    if (at > this.clock.nowMs() + FUTURE_SLACK_MS || at < EARLIEST) {
      throw new DomainError('VALIDATION', 'The request is not valid.', [
        { field: 'occurredAt', message: 'occurredAt must lie between 1900 and now' },
      ]);
    }
  }
}
