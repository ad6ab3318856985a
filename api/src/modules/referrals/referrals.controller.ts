import { Body, Controller, Get, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CreateReferralDto, RedeemDto, type Page, type Referral, type ReferralCreated, type RedeemResponse } from '@tryg/shared';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { type AuthenticatedRequest, CurrentAuth, Public, RequirePermission, type RequestAuth } from '../../common/request-auth';
import { clientAddressOf, setSessionCookie } from '../auth/session-cookie';
import { RedeemService } from './redeem.service';
import { ReferralsService } from './referrals.service';

@ApiTags('referrals')
@Controller('referrals')
export class ReferralsController {
  constructor(private readonly referrals: ReferralsService) {}

  @Post()
  @RequirePermission('referral.issue')
  @ApiOperation({ summary: 'Issue a one-time referral code for a group (shown once)' })
  issue(@CurrentAuth() auth: RequestAuth, @Body() dto: CreateReferralDto): Promise<ReferralCreated> {
    return this.referrals.issue(auth, dto);
  }

  @Get()
  @RequirePermission('referral.read-own')
  @ApiOperation({ summary: 'My referrals and their status' })
  list(@CurrentAuth() auth: RequestAuth): Promise<Page<Referral>> {
    return this.referrals.listOwn(auth);
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke an unused referral code' })
  revoke(@CurrentAuth() auth: RequestAuth, @Param('id') id: string): Promise<Referral> {
    return this.referrals.revoke(auth, id);
  }
}

@ApiTags('auth')
@Controller('auth')
export class RedeemController {
  constructor(
    private readonly redeemService: RedeemService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('redeem')
  @Public()
  @ApiOperation({
    summary: 'Redeem a referral code: a new pseudonymous account (or, signed in, a new group) with a pending membership',
    description: '400 INVALID_CODE for a code that cannot be used; 409 LOGIN_TAKEN, or the display name is taken in the group; 429 RATE_LIMITED after too many attempts (see Retry-After).',
  })
  async redeem(@Body() dto: RedeemDto, @Req() req: AuthenticatedRequest, @Res({ passthrough: true }) res: Response): Promise<RedeemResponse> {
    const { response, token } = await this.redeemService.redeem(dto, req.auth, clientAddressOf(req as Request));
    if (token) setSessionCookie(req, res, token, this.config.production);
    return response;
  }
}
