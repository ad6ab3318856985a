import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  Validate,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { BETWEEN_SESSIONS_MODES, type BetweenSessions, COVER_CARE_SETTINGS } from '../groups';
import { LOCALES, type Locale } from '../roles';
import { AnyCredential, ChosenLogin, ChosenPassword, ParticipantDisplayName, PlainText, StaffDisplayName } from './validation-rules';

const trimmed = Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

@ValidatorConstraint({ name: 'ianaTimeZone' })
export class IsIanaTimeZone implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (typeof value !== 'string' || value.length > 64) return false;
    try {
      new Intl.DateTimeFormat('en', { timeZone: value });
      return true;
    } catch {
      return false;
    }
  }
  defaultMessage(): string {
    return 'timezone must be an IANA time zone such as Europe/Copenhagen';
  }
}

/** Settings with defaults: optional both on create and on edit. */
class GroupSettingsDto {
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsString() @PlainText() @MaxLength(2000) description?: string;
  @ApiPropertyOptional({ enum: LOCALES }) @IsOptional() @IsIn(LOCALES) language?: Locale;
  @ApiPropertyOptional({ example: 'Europe/Copenhagen' }) @IsOptional() @Validate(IsIanaTimeZone) timezone?: string;
  @ApiPropertyOptional({ enum: BETWEEN_SESSIONS_MODES }) @IsOptional() @IsIn(BETWEEN_SESSIONS_MODES) betweenSessions?: BetweenSessions;
  @ApiPropertyOptional({ maxLength: 4000 }) @IsOptional() @IsString() @PlainText() @MaxLength(4000) rules?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 3650 }) @IsOptional() @IsInt() @Min(1) @Max(3650) retentionDays?: number;
  @ApiPropertyOptional({ minimum: 0, maximum: 60 }) @IsOptional() @IsInt() @Min(0) @Max(60) openMinutesBefore?: number;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() requireFacilitator?: boolean;
  @ApiPropertyOptional({
    minimum: COVER_CARE_SETTINGS.coverCancelHours.min,
    maximum: COVER_CARE_SETTINGS.coverCancelHours.max,
    default: 24,
    description: 'An uncovered meeting is cancelled this many hours before it starts; 0 = never',
  })
  @IsOptional()
  @IsInt()
  @Min(COVER_CARE_SETTINGS.coverCancelHours.min)
  @Max(COVER_CARE_SETTINGS.coverCancelHours.max)
  coverCancelHours?: number;
  @ApiPropertyOptional({
    minimum: COVER_CARE_SETTINGS.careLoopAfter.min,
    maximum: COVER_CARE_SETTINGS.careLoopAfter.max,
    default: 2,
    description: "Missed meetings in a row after which an opted-in member's coordinator is told",
  })
  @IsOptional()
  @IsInt()
  @Min(COVER_CARE_SETTINGS.careLoopAfter.min)
  @Max(COVER_CARE_SETTINGS.careLoopAfter.max)
  careLoopAfter?: number;
}

export class CreateGroupDto extends GroupSettingsDto {
  @ApiProperty({ minLength: 2, maxLength: 80 }) @trimmed @IsString() @PlainText() @Length(2, 80) name!: string;
  @ApiProperty({ minimum: 1, maximum: 200 }) @IsInt() @Min(1) @Max(200) capacity!: number;
}

export class UpdateGroupDto extends GroupSettingsDto {
  @ApiPropertyOptional({ minLength: 2, maxLength: 80 }) @IsOptional() @trimmed @IsString() @PlainText() @Length(2, 80) name?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 200 }) @IsOptional() @IsInt() @Min(1) @Max(200) capacity?: number;
}

export class AssignFacilitatorDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() accountId!: string;
  @ApiPropertyOptional({ description: 'Name shown in this group; defaults to the staff display name' })
  @IsOptional()
  @StaffDisplayName()
  displayName?: string;
}

export class CreateReferralDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() groupId!: string;
  @ApiPropertyOptional({ maxLength: 200, description: "The coordinator's own case reference; encrypted at rest" })
  @IsOptional()
  @IsString() @PlainText()
  @Length(1, 200)
  clientReference?: string;
  @ApiPropertyOptional({ maxLength: 4000, description: 'Read by the facilitators at intake; encrypted at rest' })
  @IsOptional()
  @IsString() @PlainText()
  @Length(1, 4000)
  noteForFacilitator?: string;
  @ApiPropertyOptional({ type: [String], maxItems: 10, description: 'People the client must never share a group with' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true }) @PlainText({ each: true })
  @Length(1, 200, { each: true })
  keepApart?: string[];
  @ApiPropertyOptional({ minimum: 1, maximum: 30, default: 14 }) @IsOptional() @IsInt() @Min(1) @Max(30) expiresInDays?: number;
}

/** New person: code + login + password + displayName. Signed-in participant: code + displayName only. */
export class RedeemDto {
  @ApiProperty({ example: 'ABCD-EFGH-JKLM-NPQR-STUV' }) @IsString() @PlainText() @Length(1, 64) code!: string;
  @ChosenLogin() @IsOptional() login?: string;
  @ChosenPassword() @IsOptional() password?: string;
  @ParticipantDisplayName() displayName!: string;
}

export class UpdateMembershipDto {
  @ParticipantDisplayName() @IsOptional() displayName?: string;
  @ApiPropertyOptional({ description: 'Show the group name in notifications and the calendar' })
  @IsOptional()
  @IsBoolean()
  showGroupName?: boolean;
  @ApiPropertyOptional({
    description:
      'The care loop: after the group\'s careLoopAfter missed meetings in a row, the referring coordinator is told (nothing of what is said)',
  })
  @IsOptional()
  @IsBoolean()
  careLoop?: boolean;
}

export class DeleteMeDto {
  @AnyCredential() password!: string;
}
