import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AddMemberNoteDto,
  CursorQueryDto,
  MuteMemberDto,
  RemoveMemberDto,
  UnmuteMemberDto,
  type MemberNote,
  type ModeratedMember,
  type Page,
} from '@tryg/shared';
import { CurrentAuth, type RequestAuth } from '../../common/request-auth';
import { MemberModerationService } from './member-moderation.service';
import { MemberNotesService } from './member-notes.service';

@ApiTags('moderation')
@Controller('groups/:id/members/:memberId')
export class MemberModerationController {
  constructor(
    private readonly moderation: MemberModerationService,
    private readonly notes: MemberNotesService,
  ) {}

  @Post('mute')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Mute a member for 1–10080 minutes; they stay connected and are told until when (facilitators of the group)',
  })
  mute(
    @CurrentAuth() auth: RequestAuth,
    @Param('id') groupId: string,
    @Param('memberId') memberId: string,
    @Body() dto: MuteMemberDto,
  ): Promise<ModeratedMember> {
    return this.moderation.mute(auth, groupId, memberId, dto);
  }

  @Post('unmute')
  @HttpCode(200)
  @ApiOperation({ summary: 'End a mute now (facilitators of the group)' })
  unmute(
    @CurrentAuth() auth: RequestAuth,
    @Param('id') groupId: string,
    @Param('memberId') memberId: string,
    @Body() dto: UnmuteMemberDto,
  ): Promise<ModeratedMember> {
    return this.moderation.unmute(auth, groupId, memberId, dto);
  }

  @Post('remove')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Remove a member from the group; their sockets are cut before the answer (facilitators of the group)',
  })
  remove(
    @CurrentAuth() auth: RequestAuth,
    @Param('id') groupId: string,
    @Param('memberId') memberId: string,
    @Body() dto: RemoveMemberDto,
  ): Promise<ModeratedMember> {
    return this.moderation.remove(auth, groupId, memberId, dto);
  }

  @Post('ban')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Ban a member from the group for good (also refuses later referrals of the same client); sockets cut before the answer',
  })
  ban(
    @CurrentAuth() auth: RequestAuth,
    @Param('id') groupId: string,
    @Param('memberId') memberId: string,
    @Body() dto: RemoveMemberDto,
  ): Promise<ModeratedMember> {
    return this.moderation.ban(auth, groupId, memberId, dto);
  }

  @Get('notes')
  @ApiOperation({ summary: "Facilitators' private notes on a member, newest first (each read audited)" })
  listNotes(
    @CurrentAuth() auth: RequestAuth,
    @Param('id') groupId: string,
    @Param('memberId') memberId: string,
    @Query() query: CursorQueryDto,
  ): Promise<Page<MemberNote>> {
    return this.notes.list(auth, groupId, memberId, query.cursor);
  }

  @Post('notes')
  @ApiOperation({ summary: 'Add a private note on a member (encrypted at rest; facilitators of the group)' })
  addNote(
    @CurrentAuth() auth: RequestAuth,
    @Param('id') groupId: string,
    @Param('memberId') memberId: string,
    @Body() dto: AddMemberNoteDto,
  ): Promise<MemberNote> {
    return this.notes.add(auth, groupId, memberId, dto);
  }
}
