import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsISO8601, IsInt, IsOptional, Max, Min } from 'class-validator';
import { Clock } from '../../common/clock';
import { Public } from '../../common/request-auth';

export class MoveClockDto {
  @ApiPropertyOptional({ description: 'Milliseconds to move the clock forward (or back, if negative)' })
  @IsOptional()
  @IsInt()
  @Min(-366 * 24 * 3600 * 1000)
  @Max(366 * 24 * 3600 * 1000)
  advanceMs?: number;

  @ApiPropertyOptional({ description: 'An instant to set the clock to' })
  @IsOptional()
  @IsISO8601({ strict: true })
  set?: string;
}

class ClockState {
  @ApiProperty() now!: string;
}

/**
 * Outside production only (the module is not even loaded in production): lets acceptance tests
 * move the app's clock instead of waiting for real time.
 */
@ApiTags('test')
@Controller('test/clock')
export class TestClockController {
  constructor(private readonly clock: Clock) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Test only: the app clock' })
  now(): ClockState {
    return { now: this.clock.now().toISOString() };
  }

  @Post()
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Test only: move or set the app clock' })
  move(@Body() dto: MoveClockDto): ClockState {
    if (dto.set) this.clock.set(new Date(dto.set));
    if (dto.advanceMs) this.clock.advance(dto.advanceMs);
    return this.now();
  }
}
