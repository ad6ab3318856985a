import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { IgnoredMembersDto, type IgnoredMembers } from '@tryg/shared';
import { CurrentAuth, type RequestAuth } from '../../common/request-auth';
import { IgnoreListService } from './ignore-list.service';

@ApiTags('members')
@Controller('groups/:id/membership/ignored')
export class IgnoreListController {
  constructor(private readonly ignores: IgnoreListService) {}

  @Get()
  @ApiOperation({ summary: 'The members whose messages I hide for myself' })
  get(@CurrentAuth() auth: RequestAuth, @Param('id') groupId: string): Promise<IgnoredMembers> {
    return this.ignores.get(auth, groupId);
  }

  @Put()
  @ApiOperation({ summary: 'Replace the members whose messages I hide for myself (they are not told)' })
  replace(
    @CurrentAuth() auth: RequestAuth,
    @Param('id') groupId: string,
    @Body() dto: IgnoredMembersDto,
  ): Promise<IgnoredMembers> {
    return this.ignores.replace(auth, groupId, dto);
  }
}
