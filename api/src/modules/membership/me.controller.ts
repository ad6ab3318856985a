import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { UpdateMeDto, type MeResponse } from '@tryg/shared';
import { CurrentAuth, type RequestAuth } from '../../common/request-auth';
import { AuthService } from '../auth/auth.service';
import { MembershipService } from './membership.service';

/**
 * `GET/PATCH /auth/me`: the account (from auth) with its memberships. It lives here, above auth,
 * because membership depends on auth and not the other way round.
 */
@ApiTags('auth')
@Controller('auth')
export class MeController {
  constructor(
    private readonly auth: AuthService,
    private readonly membership: MembershipService,
  ) {}

  @Get('me')
  @ApiOperation({ summary: 'The signed-in account and its memberships' })
  async me(@CurrentAuth() auth: RequestAuth): Promise<MeResponse> {
    return { account: await this.auth.account(auth), memberships: await this.membership.ofAccount(auth.accountId) };
  }

  @Patch('me')
  @ApiOperation({ summary: 'Change account preferences (language)' })
  async updateMe(@CurrentAuth() auth: RequestAuth, @Body() dto: UpdateMeDto): Promise<MeResponse> {
    return { account: await this.auth.updateAccount(auth, dto), memberships: await this.membership.ofAccount(auth.accountId) };
  }
}
