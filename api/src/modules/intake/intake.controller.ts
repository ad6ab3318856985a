import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Member, MemberDetail } from '@tryg/shared';
import { CurrentAuth, type RequestAuth } from '../../common/request-auth';
import { IntakeService } from './intake.service';

@ApiTags('members')
@Controller('groups/:id/members/:memberId')
export class IntakeController {
  constructor(private readonly intake: IntakeService) {}

  @Get()
  @ApiOperation({ summary: 'One member; facilitators also get the referral note (each read audited)' })
  get(@CurrentAuth() auth: RequestAuth, @Param('id') groupId: string, @Param('memberId') memberId: string): Promise<Member | MemberDetail> {
    return this.intake.getMember(auth, groupId, memberId);
  }

  @Post('approve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Approve a pending member (facilitators of the group)' })
  approve(@CurrentAuth() auth: RequestAuth, @Param('id') groupId: string, @Param('memberId') memberId: string): Promise<Member> {
    return this.intake.approve(auth, groupId, memberId);
  }

  @Post('decline')
  @HttpCode(200)
  @ApiOperation({ summary: 'Decline a pending member (facilitators of the group)' })
  decline(@CurrentAuth() auth: RequestAuth, @Param('id') groupId: string, @Param('memberId') memberId: string): Promise<Member> {
    return this.intake.decline(auth, groupId, memberId);
  }
}
