import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditQueryDto, type AuditItem, type Page } from '@tryg/shared';
import { RequirePermission } from '../../common/request-auth';
import { AuditService } from './audit.service';

@ApiTags('admin')
@Controller('admin/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @RequirePermission('audit.read')
  @ApiOperation({ summary: 'Read the audit trail, newest first' })
  list(@Query() query: AuditQueryDto): Promise<Page<AuditItem>> {
    return this.audit.list(query);
  }
}
