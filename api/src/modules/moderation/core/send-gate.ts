import { Injectable, Logger } from '@nestjs/common';
import { DEFAULT_LOCALE, type HelpLine, type MessageStatus } from '@tryg/shared';
import { Clock } from '../../../common/clock';
import { AccountsService } from '../../accounts/accounts.service';
import { checkContent } from '../../content-policy/content-policy';
import type { IdentifyingKind } from '../../content-policy/identifying-info';
import { HelpLines } from './help-lines';
import { ModerationView } from './moderation-view';
import { type NewSafetyAlert, SafetyAlerts } from './safety-alerts';

export interface SendAttempt {
  groupId: string;
  memberId: string;
  isFacilitator: boolean;
  body: string;
  confirmIdentifying: boolean;
}

export type Admission =
  | { ok: false; code: 'MUTED' | 'SLOW_MODE' | 'IDENTIFYING_INFO' }
  | {
      ok: true;
      status: MessageStatus;
      crisis: boolean;
      identifying: IdentifyingKind[];
      /** Members who must not get this message (they ignore the writer or must not see them). */
      hiddenFor: string[];
    };

export interface AfterStored {
  notice?: 'held' | 'crisis';
  helpLines?: HelpLine[];
}

const LAST_SENT_MAX = 50_000;

/**
 * Moderation's part of sending, after the room checks: mute, slow mode, and the content rules
 * (watched words, crisis wording, identifying information). Reads only the in-memory view, so it
 * adds no database query per message. Facilitators are exempt: they cannot be muted, slow mode is
 * for members, and their words are not held or flagged.
 */
@Injectable()
export class SendGate {
  /** `${groupId}:${memberId}` → when that member's last message was admitted (slow mode). */
  private readonly lastSent = new Map<string, number>();
  private readonly logger = new Logger('SendGate');

  constructor(
    private readonly view: ModerationView,
    private readonly clock: Clock,
    private readonly alerts: SafetyAlerts,
    private readonly helpLines: HelpLines,
    private readonly accounts: AccountsService,
  ) {}

  async admit(attempt: SendAttempt): Promise<Admission> {
    if (attempt.isFacilitator) return { ok: true, status: 'delivered', crisis: false, identifying: [], hiddenFor: [] };
    const group = await this.view.group(attempt.groupId);
    // From here on nothing awaits: the checks and the slow-mode reservation happen in one step.
    const now = this.clock.nowMs();
    if (group.mutedUntil(attempt.memberId, now) !== null) return { ok: false, code: 'MUTED' };
    const key = `${attempt.groupId}:${attempt.memberId}`;
    const last = this.lastSent.get(key);
    if (group.room.slowModeSeconds > 0 && last !== undefined && now - last < group.room.slowModeSeconds * 1000) {
      return { ok: false, code: 'SLOW_MODE' };
    }
    const verdict = checkContent(attempt.body, group.watchList);
    if (verdict.identifying.length > 0 && !attempt.confirmIdentifying) return { ok: false, code: 'IDENTIFYING_INFO' };
    this.lastSent.delete(key);
    this.lastSent.set(key, now);
    if (this.lastSent.size > LAST_SENT_MAX) this.lastSent.delete(this.lastSent.keys().next().value!);
    return {
      ok: true,
      status: verdict.hold ? 'held' : 'delivered',
      crisis: verdict.crisis,
      identifying: verdict.identifying,
      hiddenFor: group.messageHiddenFor(attempt.memberId),
    };
  }

  /**
   * Once the message is stored: the facilitators are alerted privately (crisis wording, or
   * identifying information the writer confirmed), and the writer of crisis wording gets the
   * help lines in their language, whether or not a facilitator is online.
   */
  async afterStored(
    stored: { groupId: string; memberId: string; accountId: string; messageId: string },
    admission: Extract<Admission, { ok: true }>,
  ): Promise<AfterStored> {
    const alerts: NewSafetyAlert[] = [];
    const from = { groupId: stored.groupId, fromMemberId: stored.memberId, messageId: stored.messageId };
    if (admission.crisis) alerts.push({ ...from, kind: 'crisis' });
    if (admission.identifying.length > 0) alerts.push({ ...from, kind: 'identifying-info' });
    try {
      await this.alerts.raise(alerts);
    } catch (error) {
      // The message is stored and delivered; the writer must still get the help lines.
      this.logger.error(`Safety alert not stored: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (admission.crisis) {
      const account = await this.accounts.findById(stored.accountId);
      return { notice: 'crisis', helpLines: await this.helpLines.inLocale(account?.locale ?? DEFAULT_LOCALE) };
    }
    return admission.status === 'held' ? { notice: 'held' } : {};
  }
}
