import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateStaffDto, type LoginResponse, type Page, type StaffItem } from '@tryg/shared';
import { CurrentAuth, RequirePermission, type RequestAuth } from '../../common/request-auth';
import { AccountsService } from '../accounts/accounts.service';
import { StaffService } from './staff.service';

@ApiTags('admin')
@Controller('admin/staff')
@RequirePermission('staff.manage')
export class StaffController {
  constructor(private readonly staff: StaffService) {}

  @Get()
  @ApiOperation({ summary: 'List staff accounts' })
  list(): Promise<Page<StaffItem>> {
    return this.staff.list();
  }

  @Post()
  @ApiOperation({ summary: 'Create a facilitator, coordinator or admin account', description: '409 LOGIN_TAKEN when the login is taken.' })
  async create(@CurrentAuth() auth: RequestAuth, @Body() dto: CreateStaffDto): Promise<LoginResponse> {
    return { account: AccountsService.toAccount(await this.staff.create(auth, dto)) };
  }

  @Post(':id/disable')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Disable a staff account: revokes its sessions and cuts its sockets',
    description: '409 CONFLICT when the account is already disabled, or is your own.',
  })
  disable(@CurrentAuth() auth: RequestAuth, @Param('id') id: string): Promise<StaffItem> {
    return this.staff.setDisabled(auth, id, true);
  }

  @Post(':id/enable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Enable a disabled staff account', description: '409 CONFLICT when the account is already enabled.' })
  enable(@CurrentAuth() auth: RequestAuth, @Param('id') id: string): Promise<StaffItem> {
    return this.staff.setDisabled(auth, id, false);
  }
}
