import type { TableColumnOptions } from 'typeorm';
import { INSTANT_LENGTH } from './columns';

/** Column builders for migrations, matching columns.ts, portable across SQLite and PostgreSQL. */
export const col = {
  id: (name = 'id'): TableColumnOptions => ({ name, type: 'varchar', length: '36', isPrimary: true }),
  uuid: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: '36', isNullable: nullable }),
  instant: (name: string, nullable = false): TableColumnOptions => ({
    name,
    type: 'varchar',
    length: String(INSTANT_LENGTH),
    isNullable: nullable,
  }),
  text: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'text', isNullable: nullable }),
  varchar: (name: string, length: number, nullable = false): TableColumnOptions => ({
    name,
    type: 'varchar',
    length: String(length),
    isNullable: nullable,
  }),
  int: (name: string, nullable = false, defaultValue?: number): TableColumnOptions => ({
    name,
    type: 'integer',
    isNullable: nullable,
    ...(defaultValue !== undefined ? { default: defaultValue } : {}),
  }),
  bool: (name: string, defaultValue: boolean): TableColumnOptions => ({
    name,
    type: 'boolean',
    default: defaultValue,
  }),
};
