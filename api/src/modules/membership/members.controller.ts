import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AssignFacilitatorDto, UpdateMembershipDto, type Member, type OwnMembership, type Page } from '@tryg/shared';
import { CurrentAuth, type RequestAuth } from '../../common/request-auth';
import { FacilitatorsService } from './facilitators.service';
import { MembershipService } from './membership.service';
import { OwnMembershipService } from './own-membership.service';

@ApiTags('members')
@Controller('groups/:id')
export class MembersController {
  constructor(
    private readonly membership: MembershipService,
    private readonly own: OwnMembershipService,
    private readonly facilitators: FacilitatorsService,
  ) {}

  @Get('members')
  @ApiOperation({ summary: "The group's members by pseudonym (participants see approved members only)" })
  async list(@CurrentAuth() auth: RequestAuth, @Param('id') groupId: string): Promise<Page<Member>> {
    return this.membership.listMembers(await this.membership.requireAccess(auth, groupId, 'participate'));
  }

  @Delete('membership')
  @HttpCode(204)
  @ApiOperation({ summary: 'Leave the group' })
  leave(@CurrentAuth() auth: RequestAuth, @Param('id') groupId: string): Promise<void> {
    return this.own.leave(auth, groupId);
  }

  @Patch('membership')
  @ApiOperation({ summary: 'Change my pseudonym or whether the group name shows in notifications' })
  update(@CurrentAuth() auth: RequestAuth, @Param('id') groupId: string, @Body() dto: UpdateMembershipDto): Promise<OwnMembership> {
    return this.own.update(auth, groupId, dto);
  }

  @Post('facilitators')
  @ApiOperation({ summary: 'Assign a facilitator account to the group (admin)' })
  assign(@CurrentAuth() auth: RequestAuth, @Param('id') groupId: string, @Body() dto: AssignFacilitatorDto): Promise<Member> {
    return this.facilitators.assign(auth, groupId, dto);
  }

  @Delete('facilitators/:accountId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Unassign a facilitator from the group (admin)' })
  unassign(@CurrentAuth() auth: RequestAuth, @Param('id') groupId: string, @Param('accountId') accountId: string): Promise<void> {
    return this.facilitators.unassign(auth, groupId, accountId);
  }
}
