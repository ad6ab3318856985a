import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  ChangePasswordDto,
  LoginDto,
  NewRecoveryCodesDto,
  RecoverDto,
  type LoginResponse,
  type Page,
  type RecoveryCodesResponse,
  type SessionItem,
} from '@tryg/shared';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { CurrentAuth, Public, type RequestAuth } from '../../common/request-auth';
import { AuthService } from './auth.service';
import { clearSessionCookie, clientAddressOf, setSessionCookie } from './session-cookie';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in with login and password; sets the session cookie',
    description: '401 INVALID_CREDENTIALS when the login or password is wrong; 429 RATE_LIMITED after too many attempts (see Retry-After).',
  })
  async login(@Body() dto: LoginDto, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<LoginResponse> {
    const { account, token } = await this.auth.login(dto, clientAddressOf(req));
    setSessionCookie(req, res, token, this.config.production);
    return { account };
  }

  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out: revokes this session and cuts its sockets' })
  async logout(@CurrentAuth() auth: RequestAuth, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(auth);
    clearSessionCookie(req, res, this.config.production);
  }

  @Post('activity')
  @HttpCode(204)
  @ApiOperation({ summary: 'Report user input (at most once a minute): the session stays active' })
  activity(): void {
    // The session guard counted this request as activity; nothing else to do.
  }

  @Post('password')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Change the password; signs out every other session',
    description: '401 INVALID_CREDENTIALS when the current password is wrong; 429 RATE_LIMITED after too many wrong ones (see Retry-After).',
  })
  async changePassword(@CurrentAuth() auth: RequestAuth, @Body() dto: ChangePasswordDto, @Req() req: Request): Promise<void> {
    await this.auth.changePassword(auth, dto.currentPassword, dto.newPassword, clientAddressOf(req));
  }

  @Post('recovery-codes')
  @ApiOperation({
    summary: 'Create ten new recovery codes (the old ones stop working)',
    description: '401 INVALID_CREDENTIALS when the password is wrong; 429 RATE_LIMITED after too many wrong ones (see Retry-After).',
  })
  async recoveryCodes(@CurrentAuth() auth: RequestAuth, @Body() dto: NewRecoveryCodesDto, @Req() req: Request): Promise<RecoveryCodesResponse> {
    return { recoveryCodes: await this.auth.newRecoveryCodes(auth, dto.password, clientAddressOf(req)) };
  }

  @Post('recover')
  @Public()
  @HttpCode(204)
  @ApiOperation({
    summary: 'Set a new password with a recovery code; revokes every session',
    description: '401 INVALID_CREDENTIALS when the login or recovery code is wrong; 429 RATE_LIMITED after too many attempts (see Retry-After).',
  })
  async recover(@Body() dto: RecoverDto, @Req() req: Request): Promise<void> {
    await this.auth.recover(dto.login, dto.recoveryCode, dto.newPassword, clientAddressOf(req));
  }

  @Get('sessions')
  @ApiOperation({ summary: 'List my signed-in sessions' })
  async sessions(@CurrentAuth() auth: RequestAuth): Promise<Page<SessionItem>> {
    return { items: await this.auth.listSessions(auth), nextCursor: null };
  }

  @Delete('sessions/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke one of my sessions' })
  async revokeSession(
    @CurrentAuth() auth: RequestAuth,
    @Param('id') id: string,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    await this.auth.revokeSession(auth, id);
    if (id === auth.sessionId) clearSessionCookie(req, res, this.config.production);
  }

  @Delete('sessions')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke all my sessions but this one' })
  async revokeOthers(@CurrentAuth() auth: RequestAuth): Promise<void> {
    await this.auth.revokeOtherSessions(auth);
  }
}
