import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  MEMBER_SAFETY_KINDS,
  MODERATION_LIMITS as L,
  QUEUE_FILTERS,
  REPORT_ACTIONS,
  REPORT_CATEGORIES,
  REPORT_RESOLUTIONS,
  WATCH_ACTIONS,
  type MemberSafetyKind,
  type QueueFilter,
  type ReportAction,
  type ReportCategory,
  type ReportResolution,
  type WatchAction,
} from '../moderation';
import { PlainText } from './validation-rules';

const trimmed = Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

/** `DELETE /groups/:id/messages/:messageId`: a facilitator gives a reason; the author sends nothing. */
export class RemoveMessageDto {
  @ApiPropertyOptional({
    maxLength: L.reasonMax,
    description: "Required when a facilitator removes someone else's message; kept for facilitators only",
  })
  @IsOptional()
  @trimmed
  @IsString() @PlainText()
  @Length(1, L.reasonMax)
  reason?: string;
}

export class MuteMemberDto {
  @ApiProperty({ minimum: L.muteMinMinutes, maximum: L.muteMaxMinutes })
  @IsInt()
  @Min(L.muteMinMinutes)
  @Max(L.muteMaxMinutes)
  minutes!: number;
  @ApiProperty({ maxLength: L.reasonMax }) @trimmed @IsString() @PlainText() @Length(1, L.reasonMax) reason!: string;
  @ApiPropertyOptional({ description: "Also remove all of the member's messages in the group" })
  @IsOptional()
  @IsBoolean()
  removeMessages?: boolean;
}

export class UnmuteMemberDto {
  @ApiPropertyOptional({ maxLength: L.reasonMax })
  @IsOptional()
  @trimmed
  @IsString() @PlainText()
  @Length(1, L.reasonMax)
  reason?: string;
}

/** `…/remove` and `…/ban`. */
export class RemoveMemberDto {
  @ApiProperty({ maxLength: L.reasonMax }) @trimmed @IsString() @PlainText() @Length(1, L.reasonMax) reason!: string;
  @ApiPropertyOptional({ description: "Also remove all of the member's messages in the group" })
  @IsOptional()
  @IsBoolean()
  removeMessages?: boolean;
}

export class ReportMessageDto {
  @ApiProperty({ enum: REPORT_CATEGORIES }) @IsIn(REPORT_CATEGORIES) category!: ReportCategory;
  @ApiPropertyOptional({ maxLength: L.reportNoteMax })
  @IsOptional()
  @trimmed
  @IsString() @PlainText()
  @Length(1, L.reportNoteMax)
  note?: string;
}

export class QueueQueryDto {
  @ApiPropertyOptional({ enum: QUEUE_FILTERS, default: 'all' }) @IsOptional() @IsIn(QUEUE_FILTERS) status?: QueueFilter;
  @ApiPropertyOptional() @IsOptional() @IsString() @PlainText() @Length(1, 200) cursor?: string;
}

export class CursorQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @PlainText() @Length(1, 200) cursor?: string;
}

export class ResolveReportDto {
  @ApiProperty({ enum: REPORT_RESOLUTIONS }) @IsIn(REPORT_RESOLUTIONS) resolution!: ReportResolution;
  @ApiPropertyOptional({
    enum: REPORT_ACTIONS,
    description: 'Carried out on the reported message or its author (only with `actioned`)',
  })
  @IsOptional()
  @IsIn(REPORT_ACTIONS)
  action?: ReportAction;
  @ApiPropertyOptional({ minimum: L.muteMinMinutes, maximum: L.muteMaxMinutes, description: "Required with 'mute'" })
  @IsOptional()
  @IsInt()
  @Min(L.muteMinMinutes)
  @Max(L.muteMaxMinutes)
  minutes?: number;
  @ApiPropertyOptional({ maxLength: L.reasonMax, description: "The action's reason" })
  @IsOptional()
  @trimmed
  @IsString() @PlainText()
  @Length(1, L.reasonMax)
  note?: string;
}

export class UpdateRoomDto {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() locked?: boolean;
  @ApiPropertyOptional({ minimum: 0, maximum: L.slowModeMaxSeconds })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(L.slowModeMaxSeconds)
  slowModeSeconds?: number;
  @ApiPropertyOptional({ maxLength: L.pinnedRulesMax })
  @IsOptional()
  @IsString() @PlainText()
  @MaxLength(L.pinnedRulesMax)
  pinnedRules?: string;
}

export class WatchedWordDto {
  @ApiProperty({
    maxLength: L.watchedWordMax,
    description: 'Case- and accent-insensitive, whole words; `*` stands for any letters',
  })
  @trimmed
  @IsString() @PlainText()
  @Length(1, L.watchedWordMax)
  @Matches(/[\p{L}\p{N}]/u, { message: 'pattern must contain a letter or digit' })
  pattern!: string;
  @ApiProperty({ enum: WATCH_ACTIONS }) @IsIn(WATCH_ACTIONS) action!: WatchAction;
}

export class WatchedWordsDto {
  @ApiProperty({ type: [WatchedWordDto], maxItems: L.watchedWordsMax })
  @IsArray()
  @ArrayMaxSize(L.watchedWordsMax)
  @ValidateNested({ each: true })
  @Type(() => WatchedWordDto)
  words!: WatchedWordDto[];
}

export class RaiseSafetyDto {
  @ApiProperty({ enum: MEMBER_SAFETY_KINDS }) @IsIn(MEMBER_SAFETY_KINDS) kind!: MemberSafetyKind;
  @ApiPropertyOptional({ format: 'uuid', description: "Required with 'knows-member': the member you think you know" })
  @IsOptional()
  @IsUUID()
  aboutMemberId?: string;
}

export class ResolveSafetyDto {
  @ApiPropertyOptional({ maxLength: L.reasonMax })
  @IsOptional()
  @trimmed
  @IsString() @PlainText()
  @Length(1, L.reasonMax)
  note?: string;
}

export class AddMemberNoteDto {
  @ApiProperty({ maxLength: L.memberNoteMax }) @trimmed @IsString() @PlainText() @Length(1, L.memberNoteMax) body!: string;
}

export class IgnoredMembersDto {
  @ApiProperty({ type: [String], maxItems: L.ignoredMax })
  @IsArray()
  @ArrayMaxSize(L.ignoredMax)
  @IsUUID('all', { each: true })
  memberIds!: string[];
}

export class LocalizedTextDto {
  @ApiProperty({ maxLength: L.helpLineTextMax }) @trimmed @IsString() @PlainText() @MaxLength(L.helpLineTextMax) da!: string;
  @ApiProperty({ maxLength: L.helpLineTextMax }) @trimmed @IsString() @PlainText() @MaxLength(L.helpLineTextMax) en!: string;
}

export class RequiredLocalizedTextDto {
  @ApiProperty({ maxLength: L.helpLineTextMax }) @trimmed @IsString() @PlainText() @Length(1, L.helpLineTextMax) da!: string;
  @ApiProperty({ maxLength: L.helpLineTextMax }) @trimmed @IsString() @PlainText() @Length(1, L.helpLineTextMax) en!: string;
}

export class HelpLineDto {
  @ApiProperty({ example: '25 17 73 74' })
  @trimmed
  @IsString() @PlainText()
  @Matches(/^\+?[0-9][0-9 ]{1,30}$/, { message: 'number must be digits and spaces, optionally starting with +' })
  number!: string;
  @ApiProperty({ type: RequiredLocalizedTextDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => RequiredLocalizedTextDto)
  name!: RequiredLocalizedTextDto;
  @ApiProperty({ type: LocalizedTextDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  hours!: LocalizedTextDto;
  @ApiProperty({ type: LocalizedTextDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  description!: LocalizedTextDto;
}

export class HelpLinesDto {
  @ApiProperty({ type: [HelpLineDto], maxItems: L.helpLinesMax })
  @IsArray()
  @ArrayMaxSize(L.helpLinesMax)
  @ValidateNested({ each: true })
  @Type(() => HelpLineDto)
  lines!: HelpLineDto[];
}
