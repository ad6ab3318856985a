import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  Validate,
  ValidateIf,
  type ValidationArguments,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';
import {
  CLIENT_LIMITS,
  CLIENT_STATUSES,
  type ClientStatus,
  RISK_LEVELS,
  type RiskLevel,
  SCREENING_ANSWERS,
  SCREENING_INSTRUMENTS,
  type ScreeningAnswer,
  type ScreeningInstrument,
  TASK_OWNERS,
  TASK_STATUSES,
  type TaskOwner,
  type TaskStatus,
} from '../clients';
import { LOCALES, type Locale } from '../roles';
import { IsLocalDate } from './scheduling.dto';
import { PlainText } from './validation-rules';

const trimmed = Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));
/** Present → validated; absent → kept. `null` is refused (for fields that must have a value). */
const PresentNotNull = () => ValidateIf((_object: object, value: unknown) => value !== undefined);

function RequiredText(min: number, max: number): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ minLength: min, maxLength: max }),
    trimmed,
    IsString(),
    Length(min, max),
    PlainText(),
  );
}

/** Optional free text; on edit `null` clears it. */
function OptionalText(max: number): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ maxLength: max, nullable: true }),
    trimmed,
    IsOptional(),
    IsString(),
    MaxLength(max),
    PlainText(),
  );
}

/** Optional local date `YYYY-MM-DD`; on edit `null` clears it. */
function OptionalDate(description?: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: String, format: 'date', example: '2026-04-30', nullable: true, description }),
    IsOptional(),
    Validate(IsLocalDate),
  );
}

@ValidatorConstraint({ name: 'screeningAnswers' })
export class IsScreeningAnswers implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
    const entries = Object.entries(value);
    return (
      entries.length >= 1 &&
      entries.length <= CLIENT_LIMITS.answersMax &&
      entries.every(
        ([item, answer]) =>
          CLIENT_LIMITS.itemKeyPattern.test(item) && (SCREENING_ANSWERS as readonly unknown[]).includes(answer),
      )
    );
  }
  defaultMessage(args: ValidationArguments): string {
    return `${args.property} must map 1–${CLIENT_LIMITS.answersMax} item numbers (such as "7" or "12b") to yes, no or unknown`;
  }
}

export class CreateClientDto {
  @RequiredText(1, CLIENT_LIMITS.referenceMax) reference!: string;
  @OptionalDate('The next review of the case') nextReviewOn?: string | null;
}

export class ClientsQueryDto {
  @ApiPropertyOptional({ enum: CLIENT_STATUSES }) @IsOptional() @IsIn(CLIENT_STATUSES) status?: ClientStatus;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) cursor?: string;
}

export class UpdateClientDto {
  @ApiPropertyOptional({ enum: CLIENT_STATUSES }) @PresentNotNull() @IsIn(CLIENT_STATUSES) status?: ClientStatus;
  @OptionalDate('`null` clears it') nextReviewOn?: string | null;
}

export class AddCaseCoordinatorDto {
  @ApiProperty({ format: 'uuid', description: 'An active coordinator (from GET /coordinators)' })
  @IsUUID()
  accountId!: string;
}

export class CreateTaskDto {
  @RequiredText(1, CLIENT_LIMITS.titleMax) title!: string;
  @ApiProperty({ enum: TASK_OWNERS }) @IsIn(TASK_OWNERS) owner!: TaskOwner;
  @OptionalText(CLIENT_LIMITS.ownerNameMax) ownerName?: string | null;
  @OptionalDate() dueOn?: string | null;
  @ApiPropertyOptional({ enum: TASK_STATUSES, default: 'open' }) @IsOptional() @IsIn(TASK_STATUSES) status?: TaskStatus;
  @OptionalText(CLIENT_LIMITS.noteMax) note?: string | null;
}

export class UpdateTaskDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: CLIENT_LIMITS.titleMax })
  @PresentNotNull()
  @trimmed
  @IsString()
  @Length(1, CLIENT_LIMITS.titleMax)
  @PlainText()
  title?: string;
  @ApiPropertyOptional({ enum: TASK_OWNERS }) @PresentNotNull() @IsIn(TASK_OWNERS) owner?: TaskOwner;
  @OptionalText(CLIENT_LIMITS.ownerNameMax) ownerName?: string | null;
  @OptionalDate('`null` clears it') dueOn?: string | null;
  @ApiPropertyOptional({ enum: TASK_STATUSES }) @PresentNotNull() @IsIn(TASK_STATUSES) status?: TaskStatus;
  @OptionalText(CLIENT_LIMITS.noteMax) note?: string | null;
}

export class CreateScreeningDto {
  @ApiProperty({ enum: SCREENING_INSTRUMENTS }) @IsIn(SCREENING_INSTRUMENTS) instrument!: ScreeningInstrument;
  @ApiProperty({ example: '2026-03-24' }) @Validate(IsLocalDate) screenedOn!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string', enum: [...SCREENING_ANSWERS] },
    example: { '1': 'yes', '2': 'no', '3': 'unknown' },
    description: "Answers by the form's item numbers; the items' wording stays with the instrument's publisher",
  })
  @Validate(IsScreeningAnswers)
  answers!: Record<string, ScreeningAnswer>;
  @ApiProperty({ enum: RISK_LEVELS }) @IsIn(RISK_LEVELS) riskLevel!: RiskLevel;
  @OptionalText(CLIENT_LIMITS.noteMax) note?: string | null;
  @OptionalDate('Default: 90 days after screenedOn, 30 when riskLevel is high') rescreenOn?: string | null;
}

export class ReassignClientsDto {
  @ApiProperty({
    format: 'uuid',
    description: 'The coordinator who left (or the id the audit trail shows for a deleted one)',
  })
  @IsUUID()
  fromAccountId!: string;
  @ApiProperty({ format: 'uuid', description: 'An active coordinator' }) @IsUUID() toAccountId!: string;
}

export class ClientFileQueryDto {
  @ApiPropertyOptional({ enum: LOCALES, description: "Language of the PDF; default the account's" })
  @IsOptional()
  @IsIn(LOCALES)
  lang?: Locale;
}
