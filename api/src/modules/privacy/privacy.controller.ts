import { Body, Controller, Delete, Get, HttpCode, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { DeleteMeDto } from '@tryg/shared';
import { CurrentAuth, type RequestAuth } from '../../common/request-auth';
import { clearSessionCookie, clientAddressOf } from '../auth/session-cookie';
import { PrivacyService } from './privacy.service';

@ApiTags('privacy')
@Controller('me')
export class PrivacyController {
  constructor(private readonly privacy: PrivacyService) {}

  @Get('export')
  @ApiOperation({ summary: 'Everything Tryg keeps about me, as JSON (decrypted, nothing about others)' })
  async export(@CurrentAuth() auth: RequestAuth, @Res({ passthrough: true }) res: Response): Promise<Record<string, unknown>> {
    res.setHeader('Content-Disposition', 'attachment; filename="data.json"');
    return this.privacy.exportAll(auth);
  }

  @Delete()
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete my account for good (needs my password); my messages show as a former member',
    description: '401 INVALID_CREDENTIALS when the password is wrong; 429 RATE_LIMITED after too many wrong ones (see Retry-After).',
  })
  async delete(@CurrentAuth() auth: RequestAuth, @Body() dto: DeleteMeDto, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.privacy.deleteAccount(auth, dto.password, clientAddressOf(req));
    clearSessionCookie(req, res, false);
  }
}
