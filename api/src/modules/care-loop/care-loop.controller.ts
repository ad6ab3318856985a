import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CareLoopStatus } from '@tryg/shared';
import { CurrentAuth, type RequestAuth } from '../../common/request-auth';
import { CareLoopService } from './care-loop.service';

@ApiTags('care-loop')
@Controller('groups/:id/membership/care-loop')
export class CareLoopController {
  constructor(private readonly careLoop: CareLoopService) {}

  @Get()
  @ApiOperation({
    summary: 'My care-loop switch in this group, and whether my referring coordinator can be told (the member)',
  })
  status(@CurrentAuth() auth: RequestAuth, @Param('id') groupId: string): Promise<CareLoopStatus> {
    return this.careLoop.status(auth, groupId);
  }
}
