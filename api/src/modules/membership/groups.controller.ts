import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateGroupDto, UpdateGroupDto, type Group, type Page } from '@tryg/shared';
import { assertPermission } from '../../common/permission.guard';
import { CurrentAuth, RequirePermission, type RequestAuth } from '../../common/request-auth';
import { GroupsService, toGroup } from '../groups/groups.service';
import { MembershipService } from './membership.service';

/** `/groups`: here rather than in groups/ because who sees a group is a membership rule. */
@ApiTags('groups')
@Controller('groups')
export class GroupsController {
  constructor(
    private readonly groups: GroupsService,
    private readonly membership: MembershipService,
  ) {}

  @Post()
  @RequirePermission('group.create')
  @ApiOperation({ summary: 'Create a group (admin)' })
  create(@CurrentAuth() auth: RequestAuth, @Body() dto: CreateGroupDto): Promise<Group> {
    return this.groups.create(auth, dto);
  }

  @Get()
  @ApiOperation({ summary: 'List the groups I may see (participants: only their own)' })
  async list(@CurrentAuth() auth: RequestAuth): Promise<Page<Group>> {
    return this.groups.list(await this.membership.visibleGroupIds(auth));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One group' })
  async get(@CurrentAuth() auth: RequestAuth, @Param('id') id: string): Promise<Group> {
    return toGroup((await this.membership.requireAccess(auth, id, 'view')).group);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Edit a group (admin)' })
  async update(@CurrentAuth() auth: RequestAuth, @Param('id') id: string, @Body() dto: UpdateGroupDto): Promise<Group> {
    await this.membership.requireAccess(auth, id, 'view');
    assertPermission(auth.role, 'group.edit');
    return this.groups.update(auth, id, dto);
  }
}
