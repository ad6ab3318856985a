import type { MemberRole } from './groups';

/** Live rooms (CONTRACT.md "Socket.io"). */
export const MESSAGE_MAX_CODE_POINTS = 4000;
export const CONTENT_WARNING_MAX = 100;
export const JOIN_LATEST_COUNT = 50;
export const CATCH_UP_MAX = 500;
export const HISTORY_PAGE_MAX = 100;

export type MessageStatus = 'delivered' | 'held';
export type MessageRemoval = 'author' | 'facilitator';

export interface Message {
  id: string;
  groupId: string;
  seq: number;
  /** Null for a former member (deleted account). */
  memberId: string | null;
  displayName: string | null;
  /** The writer's role in the group, so the web can show a badge no name can imitate; null for a former member. */
  role: MemberRole | null;
  body: string | null;
  contentWarning: string | null;
  status: MessageStatus;
  removed: MessageRemoval | null;
  createdAt: string;
  /** Only for its author. */
  clientMessageId?: string;
  /** Only for the group's facilitators. */
  originalBody?: string | null;
  removalReason?: string | null;
}

export interface PresenceMember {
  memberId: string;
  displayName: string;
  online: boolean;
}

export interface HelpLine {
  name: string;
  number: string;
  hours: string;
  description: string;
}
