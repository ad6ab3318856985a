import { Column, type ColumnOptions, PrimaryColumn, type ValueTransformer } from 'typeorm';

/**
 * Column helpers that mean the same on SQLite and PostgreSQL. Instants are stored as fixed-width
 * ISO-8601 UTC text (`2026-03-29T16:00:00.000Z`): portable, exact to the millisecond, and sortable
 * as text, so one set of migrations and queries serves both databases.
 */
const instantTransformer: ValueTransformer = {
  to: (value: Date | null | undefined) => (value instanceof Date ? value.toISOString() : value),
  from: (value: string | null) => (value === null || value === undefined ? value : new Date(value)),
};

export const INSTANT_LENGTH = 24;

export function InstantColumn(options: Pick<ColumnOptions, 'nullable' | 'name'> = {}): PropertyDecorator {
  return Column({ type: 'varchar', length: INSTANT_LENGTH, transformer: instantTransformer, ...options });
}

export function UuidColumn(options: Pick<ColumnOptions, 'nullable' | 'name' | 'unique'> = {}): PropertyDecorator {
  return Column({ type: 'varchar', length: 36, ...options });
}

export function IdColumn(name?: string): PropertyDecorator {
  return PrimaryColumn({ type: 'varchar', length: 36, ...(name ? { name } : {}) });
}

/** Text that may be long: ciphertexts, JSON. */
export function TextColumn(options: Pick<ColumnOptions, 'nullable' | 'name'> = {}): PropertyDecorator {
  return Column({ type: 'text', ...options });
}

export function toInstantText(date: Date): string {
  return date.toISOString();
}
