import { DomainError } from './domain-error';

/** Opaque keyset cursors: `{ at, id }` of the last item, base64url JSON. */
export interface Cursor {
  at: string;
  id: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

export function decodeCursor(raw: string | undefined): Cursor | null {
  if (raw === undefined || raw === '') return null;
  try {
    const value = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Partial<Cursor>;
    if (typeof value.at === 'string' && typeof value.id === 'string') return { at: value.at, id: value.id };
  } catch {
    // fall through
  }
  throw new DomainError('VALIDATION', 'The cursor is not valid.', [{ field: 'cursor', message: 'unknown cursor' }]);
}
