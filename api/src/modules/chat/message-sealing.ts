import { Injectable, Logger } from '@nestjs/common';
import { DataCrypto } from '../../common/data-crypto.service';

type SealedField = 'body' | 'content_warning' | 'removal_reason';

/**
 * Message text at rest: AES-256-GCM, the AAD naming the column, the message and its group, so
 * text moved to another row or group refuses to open. A value that does not open reads as null.
 */
@Injectable()
export class MessageSealing {
  private readonly logger = new Logger('MessageSealing');

  constructor(private readonly crypto: DataCrypto) {}

  private aad(field: SealedField, messageId: string, groupId: string): string {
    return `messages.${field}:${messageId}:${groupId}`;
  }

  seal(field: SealedField, text: string | null, messageId: string, groupId: string): string | null {
    return text === null ? null : this.crypto.seal('message', text, this.aad(field, messageId, groupId));
  }

  open(field: SealedField, sealed: string | null, messageId: string, groupId: string): string | null {
    if (sealed === null) return null;
    try {
      return this.crypto.open('message', sealed, this.aad(field, messageId, groupId));
    } catch {
      this.logger.warn(`Message ${messageId} ${field} does not decrypt.`);
      return null;
    }
  }
}
