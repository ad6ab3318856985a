import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { ROUND_KINDS, ROUND_TURN_SECONDS, type RoundKind } from '../floor';

export class RaiseHandDto {
  @ApiProperty({ description: 'true raises the hand, false lowers it' }) @IsBoolean() raised!: boolean;
}

export class GiveTurnDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'A participant in the room; without it the next in the round, then the first hand',
  })
  @IsOptional()
  @IsUUID()
  memberId?: string;
}

export class StartRoundDto {
  @ApiProperty({ enum: ROUND_KINDS }) @IsIn(ROUND_KINDS) kind!: RoundKind;
  @ApiPropertyOptional({
    minimum: ROUND_TURN_SECONDS.min,
    maximum: ROUND_TURN_SECONDS.max,
    description: 'Each turn ends by itself after this long',
  })
  @IsOptional()
  @IsInt()
  @Min(ROUND_TURN_SECONDS.min)
  @Max(ROUND_TURN_SECONDS.max)
  turnSeconds?: number;
  @ApiPropertyOptional({ description: 'Only the speaker (and facilitators) may write' })
  @IsOptional()
  @IsBoolean()
  quiet?: boolean;
  @ApiPropertyOptional({ description: 'Keep the order of arrival instead of shuffling (default false)' })
  @IsOptional()
  @IsBoolean()
  keepOrder?: boolean;
}

export class RoundOrderDto {
  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  memberIds!: string[];
}
