import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { COVER_LIMITS } from '../cover';
import { EDIT_SCOPES, type EditScope } from '../scheduling';

export class CoverScopeQueryDto {
  @ApiPropertyOptional({
    enum: EDIT_SCOPES,
    default: 'this',
    description: '`following`: this meeting and the rest of its series',
  })
  @IsOptional()
  @IsIn(EDIT_SCOPES)
  scope?: EditScope;
}

export class CoverListQueryDto {
  @ApiPropertyOptional({ minimum: COVER_LIMITS.daysMin, maximum: COVER_LIMITS.daysMax, default: COVER_LIMITS.daysDefault })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(COVER_LIMITS.daysMin)
  @Max(COVER_LIMITS.daysMax)
  days?: number;

  @ApiPropertyOptional({ description: 'From the previous page' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  cursor?: string;
}
