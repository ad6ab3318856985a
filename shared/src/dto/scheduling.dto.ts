import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  Validate,
  ValidateIf,
  type ValidationArguments,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';
import {
  EDIT_SCOPES,
  type EditScope,
  MEETING_FREQUENCIES,
  type MeetingFrequency,
  RSVP_RESPONSES,
  type RsvpResponse,
  SCHEDULING_LIMITS,
} from '../scheduling';
import { PlainText } from './validation-rules';

const trimmed = Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A real calendar date written `YYYY-MM-DD` (no 2026-02-30). */
@ValidatorConstraint({ name: 'localDate' })
export class IsLocalDate implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (typeof value !== 'string') return false;
    const match = LOCAL_DATE.exec(value);
    if (!match) return false;
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    return (
      year >= 2000 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
    );
  }
  defaultMessage(args: ValidationArguments): string {
    return `${args.property} must be a date written YYYY-MM-DD`;
  }
}

@ValidatorConstraint({ name: 'countOrUntil' })
class NotBothCountAndUntil implements ValidatorConstraintInterface {
  validate(_value: unknown, args: ValidationArguments): boolean {
    return (args.object as { count?: unknown }).count === undefined;
  }
  defaultMessage(): string {
    return 'give either count or until, not both';
  }
}

function DurationMinutes(): PropertyDecorator {
  return applyDecorators(IsInt(), Min(SCHEDULING_LIMITS.durationMinMinutes), Max(SCHEDULING_LIMITS.durationMaxMinutes));
}

export class CreateScheduleDto {
  @ApiProperty({ example: '2026-03-03', description: "First meeting's date, local to the group's time zone" })
  @Validate(IsLocalDate)
  startsOn!: string;

  @ApiProperty({
    example: '18:00',
    description: "Local wall-clock time in the group's time zone, kept across daylight-saving changes",
  })
  @IsString() @PlainText()
  @Matches(LOCAL_TIME, { message: 'time must be HH:mm' })
  time!: string;

  @ApiProperty({ minimum: SCHEDULING_LIMITS.durationMinMinutes, maximum: SCHEDULING_LIMITS.durationMaxMinutes })
  @DurationMinutes()
  durationMinutes!: number;

  @ApiProperty({ enum: MEETING_FREQUENCIES })
  @IsIn(MEETING_FREQUENCIES)
  frequency!: MeetingFrequency;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: SCHEDULING_LIMITS.maxOccurrences,
    description: 'Number of meetings (this or until is required)',
  })
  @ValidateIf((o: CreateScheduleDto) => o.count !== undefined || o.until === undefined)
  @IsInt({ message: 'count (or until) is required and must be a whole number' })
  @Min(1)
  @Max(SCHEDULING_LIMITS.maxOccurrences)
  count?: number;

  @ApiPropertyOptional({
    example: '2026-06-30',
    description: 'Last possible date, inclusive (this or count is required)',
  })
  @ValidateIf((o: CreateScheduleDto) => o.until !== undefined)
  @Validate(IsLocalDate)
  @Validate(NotBothCountAndUntil)
  until?: string;

  @ApiPropertyOptional({
    maxLength: 80,
    description: 'Shown to members; never in notifications or the calendar unless they opt in',
  })
  @IsOptional()
  @trimmed
  @IsString() @PlainText()
  @Length(1, 80)
  title?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, description: "Places per meeting (default the group's capacity)" })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(200)
  capacity?: number;
}

export class CreateMeetingDto {
  @ApiProperty({
    example: '2026-03-03T17:00:00.000Z',
    description: 'May lie up to the duration in the past (already in progress)',
  })
  @IsISO8601({ strict: true })
  startsAt!: string;

  @ApiProperty({ minimum: SCHEDULING_LIMITS.durationMinMinutes, maximum: SCHEDULING_LIMITS.durationMaxMinutes })
  @DurationMinutes()
  durationMinutes!: number;

  @ApiPropertyOptional({ maxLength: 80 })
  @IsOptional()
  @trimmed
  @IsString() @PlainText()
  @Length(1, 80)
  title?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(200)
  capacity?: number;
}

export class UpdateMeetingDto {
  @ApiPropertyOptional({
    description: 'Move the meeting; with scope `following` the rest of the series moves the same way on the wall clock',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  startsAt?: string;

  @ApiPropertyOptional({ minimum: SCHEDULING_LIMITS.durationMinMinutes, maximum: SCHEDULING_LIMITS.durationMaxMinutes })
  @IsOptional()
  @DurationMinutes()
  durationMinutes?: number;

  @ApiPropertyOptional({ description: 'true cancels, false restores' })
  @IsOptional()
  @IsBoolean()
  cancelled?: boolean;

  @ApiPropertyOptional({ maxLength: 80, nullable: true, description: 'Addition: change the title (null clears it)' })
  @IsOptional()
  @trimmed
  @IsString() @PlainText()
  @Length(1, 80)
  title?: string | null;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 200,
    description: 'Addition: places for this meeting; more places promote the waitlist',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(200)
  capacity?: number;

  @ApiPropertyOptional({ enum: EDIT_SCOPES, default: 'this' })
  @IsOptional()
  @IsIn(EDIT_SCOPES)
  scope?: EditScope;
}

export class MeetingsQueryDto {
  @ApiPropertyOptional({ description: 'Meetings starting at or after (default now − 1 day)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'Meetings starting before (default now + 90 days)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ description: 'Unused: the range is answered in one page' })
  @IsOptional()
  @IsString() @PlainText()
  @Length(0, 200)
  cursor?: string;
}

export class RsvpDto {
  @ApiProperty({ enum: RSVP_RESPONSES })
  @IsIn(RSVP_RESPONSES)
  response!: RsvpResponse;
}

export class SetAttendanceDto {
  @ApiProperty()
  @IsBoolean()
  present!: boolean;
}

export class NotificationsQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString() @PlainText()
  @Length(1, 200)
  cursor?: string;
}

export class MarkNotificationsReadDto {
  @ApiPropertyOptional({ type: [String], maxItems: 200, description: 'Without ids every notification is marked read' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  ids?: string[];
}
