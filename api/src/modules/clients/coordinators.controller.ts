import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { type CoordinatorItem, type Page, ReassignClientsDto, type ReassignResult } from '@tryg/shared';
import { CurrentAuth, RequirePermission, type RequestAuth } from '../../common/request-auth';
import { CaseCoordinatorsService } from './case-coordinators.service';

@ApiTags('clients')
@Controller('coordinators')
export class CoordinatorsController {
  constructor(private readonly coordinators: CaseCoordinatorsService) {}

  @Get()
  @RequirePermission('client.keep')
  @ApiOperation({ summary: 'The active coordinators (names only), to choose a stand-in for a case' })
  list(): Promise<Page<CoordinatorItem>> {
    return this.coordinators.listCoordinators();
  }
}

@ApiTags('admin')
@Controller('admin/clients')
export class AdminClientsController {
  constructor(private readonly coordinators: CaseCoordinatorsService) {}

  @Post('reassign')
  @HttpCode(200)
  @RequirePermission('client.reassign')
  @ApiOperation({
    summary:
      "Hand every case of a coordinator who left to another coordinator; answers only how many, never a case's content",
  })
  reassign(@CurrentAuth() auth: RequestAuth, @Body() dto: ReassignClientsDto): Promise<ReassignResult> {
    return this.coordinators.reassign(auth, dto);
  }
}
