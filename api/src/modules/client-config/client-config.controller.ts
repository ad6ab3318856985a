import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ClientConfigResponse } from '@tryg/shared';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { Public } from '../../common/request-auth';

/** What the web app needs before anyone signs in; public, so it must never hold anything secret. */
@ApiTags('client')
@Controller('client-config')
export class ClientConfigController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Public settings for the web app (where quick exit goes)' })
  get(): ClientConfigResponse {
    return { quickExitUrl: this.config.quickExitUrl };
  }
}
