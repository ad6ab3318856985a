import { Injectable } from '@nestjs/common';
import type { ModerationNotice, Report } from '@tryg/shared';
import { RealtimeService } from '../realtime/realtime.service';

/** Moderation's pushes to live sockets, each made before the HTTP answer of the action. */
@Injectable()
export class ModerationNotices {
  constructor(private readonly realtime: RealtimeService) {}

  /** Tells the member's sockets in the group, on every instance, before this resolves (mute, unmute: they stay connected). */
  notify(memberId: string, notice: ModerationNotice): Promise<void> {
    return this.realtime.toMemberConfirmed(memberId, 'moderation:notice', notice);
  }

  /**
   * Removal and ban: the notice first, then the member's sockets are cut, on every instance,
   * before this resolves. Not `session:revoked`: the person stays signed in for other groups.
   */
  notifyAndCut(memberId: string, notice: ModerationNotice): Promise<void> {
    return this.realtime.revoke({ kind: 'member', groupId: notice.groupId, memberId, disconnect: true, notice });
  }

  /** A new report, to the group's facilitators of this moment only; it never names the reporter. */
  reportNew(report: Report): void {
    this.realtime.toFacilitators(report.groupId, 'report:new', { groupId: report.groupId, report });
  }
}
