import { SetMetadata } from '@nestjs/common';
import type { Locale } from '@tryg/shared';

export const RENDERS_NOTIFICATION_TEXT = 'tryg:renders-notification-text';

/**
 * Kinds whose text names something sealed at rest (care-missed names the coordinator's client
 * reference). Their row keeps ids only, never the text; the feature that owns the sealed value
 * renders it each time the recipient reads it, so a database copy holds no reference in plain text.
 */
export interface LateNotificationParamsMap {
  'care-missed': { referralId: string; groupId: string };
}
export type LateNotificationKind = keyof LateNotificationParamsMap;

export const LATE_NOTIFICATION_KINDS: readonly LateNotificationKind[] = ['care-missed'];

export function isLateKind(kind: string): kind is LateNotificationKind {
  return (LATE_NOTIFICATION_KINDS as readonly string[]).includes(kind);
}

export interface NotificationReader {
  accountId: string;
  locale: Locale;
}

/** A provider marked @RendersNotificationText() renders one late kind; the notifications module finds it at start-up. */
export interface LateNotificationRenderer<K extends LateNotificationKind = LateNotificationKind> {
  readonly lateKind: K;
  render(params: LateNotificationParamsMap[K], reader: NotificationReader): Promise<string>;
}

export const RendersNotificationText = (): ClassDecorator => SetMetadata(RENDERS_NOTIFICATION_TEXT, true);
