import { Foundation1764000000000 } from './1764000000000-foundation';

/** Every migration, in order. Each works on SQLite and PostgreSQL. */
export const MIGRATIONS = [Foundation1764000000000];
