import { Injectable, Logger } from '@nestjs/common';
import { DataCrypto } from '../../common/data-crypto.service';

/**
 * Every sealed value of case work, by the name its AAD uses (`<table>.<field>`; the database
 * column is `<field>_sealed`). Each has an entry in the key-rotation registry
 * (operations/key-rotation/sealed-data.registry.ts), which rotation re-seals.
 */
export const CLIENT_SEALED_COLUMNS = [
  'client_cases.reference',
  'client_tasks.title',
  'client_tasks.owner_name',
  'client_tasks.note',
  'client_screenings.answers',
  'client_screenings.note',
] as const;
export type ClientSealedColumn = (typeof CLIENT_SEALED_COLUMNS)[number];

/** DataCrypto purpose: the AES key is HKDF(DATA_KEY, `seal:client-case`). */
export const CLIENT_CASE_PURPOSE = 'client-case';

/**
 * Case work's text at rest (reference, task texts, notes, screening answers): AES-256-GCM with
 * the AAD naming the table and column, the row and its case, so a value copied to another row or
 * case refuses to open. A value that does not open reads as null, never as another row's text.
 */
@Injectable()
export class ClientSealing {
  private readonly logger = new Logger('ClientSealing');

  constructor(private readonly crypto: DataCrypto) {}

  static aad(column: ClientSealedColumn, rowId: string, clientId: string): string {
    return `${column}:${rowId}:${clientId}`;
  }

  seal(column: ClientSealedColumn, text: string, rowId: string, clientId: string): string {
    return this.crypto.seal(CLIENT_CASE_PURPOSE, text, ClientSealing.aad(column, rowId, clientId));
  }

  sealOptional(
    column: ClientSealedColumn,
    text: string | null | undefined,
    rowId: string,
    clientId: string,
  ): string | null {
    return text === null || text === undefined || text === '' ? null : this.seal(column, text, rowId, clientId);
  }

  open(column: ClientSealedColumn, sealed: string | null, rowId: string, clientId: string): string | null {
    if (sealed === null) return null;
    try {
      return this.crypto.open(CLIENT_CASE_PURPOSE, sealed, ClientSealing.aad(column, rowId, clientId));
    } catch {
      this.logger.warn(`${column} of ${rowId} does not decrypt.`);
      return null;
    }
  }
}
