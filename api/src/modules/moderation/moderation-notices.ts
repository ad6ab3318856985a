import { Injectable } from '@nestjs/common';
import type { ModerationNotice, Report } from '@tryg/shared';
import { RealtimeService, rooms } from '../realtime/realtime.service';

/** Moderation's pushes to live sockets, each made before the HTTP answer of the action. */
@Injectable()
export class ModerationNotices {
  constructor(private readonly realtime: RealtimeService) {}

  /** Tells the member's sockets in the group (mute, unmute: they stay connected). */
  notify(memberId: string, notice: ModerationNotice): void {
    this.realtime.namespace()?.to(rooms.member(memberId)).emit('moderation:notice', notice);
  }

  /**
   * Removal and ban: the notice first, then the member's sockets in the group are cut. Not
   * `session:revoked`: the person stays signed in for their other groups.
   */
  notifyAndCut(memberId: string, notice: ModerationNotice): void {
    const nsp = this.realtime.namespace();
    if (!nsp) return;
    nsp.to(rooms.member(memberId)).emit('moderation:notice', notice);
    nsp.in(rooms.member(memberId)).disconnectSockets(true);
  }

  /** A new report, to the group's facilitators only; it never names the reporter. */
  reportNew(report: Report): void {
    this.realtime
      .namespace()
      ?.to(rooms.facilitators(report.groupId))
      .emit('report:new', { groupId: report.groupId, report });
  }
}
