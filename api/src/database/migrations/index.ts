import { Foundation1764000000000 } from './1764000000000-foundation';
import { GroupsReferrals1764000100000 } from './1764000100000-groups-referrals';
import { Scheduling1764000200000 } from './1764000200000-scheduling';
import { Incidents1764000300000 } from './1764000300000-incidents';
import { Chat1764000400000 } from './1764000400000-chat';
import { Moderation1764000500000 } from './1764000500000-moderation';
import { KeyVersions1765000400000 } from './1765000400000-key-versions';

/** Every migration, in order. Each works on SQLite and PostgreSQL. */
export const MIGRATIONS = [Foundation1764000000000, GroupsReferrals1764000100000, Scheduling1764000200000, Incidents1764000300000, Chat1764000400000, Moderation1764000500000, KeyVersions1765000400000];
