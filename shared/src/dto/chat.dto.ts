import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { HISTORY_PAGE_MAX } from '../chat';

export class MessageHistoryQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Messages before this one' }) @IsOptional() @IsUUID() before?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Messages after this one' }) @IsOptional() @IsUUID() after?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: HISTORY_PAGE_MAX, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(HISTORY_PAGE_MAX)
  limit?: number;
  @ApiPropertyOptional({ enum: ['held'], description: 'Facilitators: the held messages waiting for review' })
  @IsOptional()
  @IsIn(['held'])
  status?: 'held';
}
