import { Injectable, Logger } from '@nestjs/common';
import { DataCrypto } from '../../common/data-crypto.service';

export type SealedField = 'body' | 'content_warning' | 'removal_reason';

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

/** What a message view needs to read sealed fields. */
export type SealedReader = Pick<MessageSealing, 'open'>;

/**
 * Opens each sealed field once however many viewer shapes are built from it, and not at all for
 * text the caller has just sealed (the send path): decrypting is a measurable share of a send.
 */
export class SealedFieldCache implements SealedReader {
  private readonly known = new Map<string, string | null>();

  constructor(private readonly sealing: MessageSealing) {}

  know(field: SealedField, messageId: string, text: string | null): void {
    this.known.set(`${field}:${messageId}`, text);
  }

  open(field: SealedField, sealed: string | null, messageId: string, groupId: string): string | null {
    if (sealed === null) return null;
    const key = `${field}:${messageId}`;
    if (!this.known.has(key)) this.known.set(key, this.sealing.open(field, sealed, messageId, groupId));
    return this.known.get(key)!;
  }
}
