import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { IncidentAttachment, IncidentAttachmentType } from '@tryg/shared';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import { WriteQueue } from '../../common/write-queue';
import { ATTACHMENT_EXTENSIONS, detectAttachmentType } from './file-signature';
import { IncidentChainService } from './incident-chain.service';
import { IncidentKeys } from './incident-keys';
import { IncidentsService, UNREADABLE_MESSAGE } from './incidents.service';
import { IncidentAttachmentEntity } from './entities/incident-attachment.entity';

/** What multer hands over (memory storage); only the bytes are used, never the name or claimed type. */
export interface UploadedFileData {
  buffer: Buffer;
  size: number;
}

export interface AttachmentDownload {
  bytes: Buffer;
  mimeType: IncidentAttachmentType;
  /** Neutral: `bilag-3.jpg`. */
  filename: string;
}

/**
 * Evidence files (bilag), sealed at rest. Adding one appends a version to its entry, so the
 * bilag list is covered by the hash chain like the entry's text.
 */
@Injectable()
export class IncidentAttachmentsService {
  constructor(
    @InjectRepository(IncidentAttachmentEntity) private readonly attachments: Repository<IncidentAttachmentEntity>,
    private readonly incidents: IncidentsService,
    private readonly chain: IncidentChainService,
    private readonly keys: IncidentKeys,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
  ) {}

  async add(accountId: string, entryId: string, file: UploadedFileData | undefined): Promise<IncidentAttachment> {
    await this.incidents.readOwnEntry(accountId, entryId);
    if (!file || file.size === 0) {
      throw new DomainError('VALIDATION', 'Choose a file to attach.', [
        { field: 'file', message: 'a non-empty file is required' },
      ]);
    }
    const mimeType = detectAttachmentType(file.buffer);
    if (!mimeType)
      throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Only photos, screenshots and PDF files can be attached.');
    const id = randomUUID();
    // Sealed before the write: the queue is for quick database work only.
    const content = this.keys.sealBytes(accountId, id, file.buffer);
    return this.writes.run(async (m) => {
      const current = await this.incidents.readOwnEntry(accountId, entryId, m);
      const bilag = await this.chain.reserveBilagIn(m, accountId);
      const attachment: IncidentAttachment = { id, bilag, mimeType, size: file.size };
      await m.insert(IncidentAttachmentEntity, {
        id,
        accountId,
        entryId,
        bilag,
        mimeType,
        size: file.size,
        content,
        createdAt: this.clock.now(),
      });
      await this.chain.appendIn(m, accountId, {
        entryId,
        version: current.entry.version + 1,
        kind: 'edit',
        content: { ...current.content, attachments: [...current.content.attachments, attachment] },
      });
      return attachment;
    });
  }

  async read(accountId: string, entryId: string, attachmentId: string): Promise<AttachmentDownload> {
    const row = await this.attachments.findOneBy({ id: attachmentId, accountId, entryId });
    if (!row) throw new DomainError('NOT_FOUND');
    let bytes: Buffer;
    try {
      bytes = this.keys.openBytes(accountId, row.id, row.content);
    } catch {
      throw new DomainError('CONFLICT', UNREADABLE_MESSAGE);
    }
    return {
      bytes,
      mimeType: row.mimeType,
      filename: `bilag-${row.bilag}.${ATTACHMENT_EXTENSIONS[row.mimeType] ?? 'bin'}`,
    };
  }
}
