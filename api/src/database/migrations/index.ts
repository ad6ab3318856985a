import { Foundation1764000000000 } from './1764000000000-foundation';
import { GroupsReferrals1764000100000 } from './1764000100000-groups-referrals';
import { Scheduling1764000200000 } from './1764000200000-scheduling';
import { Incidents1764000300000 } from './1764000300000-incidents';
import { Chat1764000400000 } from './1764000400000-chat';
import { Moderation1764000500000 } from './1764000500000-moderation';
import { WhoMayListen1765000000000 } from './1765000000000-who-may-listen';
import { TalkingOrder1765000010000 } from './1765000010000-talking-order';
import { DisplayNameReservations1765000100000 } from './1765000100000-display-name-reservations';
import { CoverCareLoop1765000200000 } from './1765000200000-cover-care-loop';
import { ClientCases1765000300000 } from './1765000300000-client-cases';
import { KeyVersions1765000400000 } from './1765000400000-key-versions';
import { DisplayNameKeyIds1765000600000 } from './1765000600000-display-name-key-ids';

/** Every migration, in order. Each works on SQLite and PostgreSQL. */
export const MIGRATIONS = [
  Foundation1764000000000,
  GroupsReferrals1764000100000,
  Scheduling1764000200000,
  Incidents1764000300000,
  Chat1764000400000,
  Moderation1764000500000,
  WhoMayListen1765000000000,
  TalkingOrder1765000010000,
  DisplayNameReservations1765000100000,
  CoverCareLoop1765000200000,
  ClientCases1765000300000,
  KeyVersions1765000400000,
  DisplayNameKeyIds1765000600000,
];
