import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  INCIDENT_CONTACT_TYPES,
  INCIDENT_EXPORT_FORMATS,
  INCIDENT_LIMITS,
  type IncidentContactType,
  type IncidentExportFormat,
} from '../incidents';
import { LOCALES, type Locale } from '../roles';
import { PlainText } from './validation-rules';

const trimmed = Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));
/** Query strings carry booleans as text. */
const queryBoolean = Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value));
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** An instant with its offset: a time without one would be read in the server's zone. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const INSTANT_MESSAGE = 'occurredAt must be an ISO-8601 date and time with Z or an offset';

/** Present → validated; absent → kept as it is. `null` is refused (for fields an entry must have). */
const PresentNotNull = () => ValidateIf((_object: object, value: unknown) => value !== undefined);

/** Optional free text: trimmed, at most `max` characters; on edit `null` clears it. */
function OptionalText(max: number, description?: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ maxLength: max, nullable: true, description }),
    trimmed,
    IsOptional(),
    IsString(),
    MaxLength(max),
    PlainText(),
  );
}

export class IncidentEvidenceDto {
  @ApiProperty({ maxLength: INCIDENT_LIMITS.evidenceDescription, example: 'Skærmbillede af SMS' })
  @trimmed
  @IsString()
  @Length(1, INCIDENT_LIMITS.evidenceDescription)
  @PlainText()
  description!: string;

  @ApiProperty({ maxLength: INCIDENT_LIMITS.evidenceKeptWhere, example: 'På min telefon' })
  @trimmed
  @IsString()
  @Length(1, INCIDENT_LIMITS.evidenceKeptWhere)
  @PlainText()
  keptWhere!: string;
}

export class IncidentPoliceReportDto {
  @OptionalText(INCIDENT_LIMITS.journalNumber) journalNumber?: string | null;
  @OptionalText(INCIDENT_LIMITS.officer) officer?: string | null;

  @ApiPropertyOptional({ type: String, format: 'date', example: '2026-11-20', nullable: true, description: 'Local date YYYY-MM-DD' })
  @IsOptional()
  @Matches(LOCAL_DATE, { message: 'date must be YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'date must be a real date' })
  date?: string | null;
}

/** Never exported unless the person asks for it. */
export class IncidentPrivateLayerDto {
  @OptionalText(INCIDENT_LIMITS.thoughts) thoughts?: string | null;
  @OptionalText(INCIDENT_LIMITS.safetyNotes) safetyNotes?: string | null;
}

/** The optional part of an entry; on edit `null` clears a field. */
class IncidentOptionalFieldsDto {
  @ApiPropertyOptional({ description: 'The time is approximate' })
  @IsOptional()
  @IsBoolean()
  occurredAtApprox?: boolean | null;

  @OptionalText(INCIDENT_LIMITS.place) place?: string | null;
  @OptionalText(INCIDENT_LIMITS.witnesses, 'Witnesses and how to reach them') witnesses?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsBoolean()
  childrenPresent?: boolean | null;

  @ApiPropertyOptional({ type: [IncidentEvidenceDto], maxItems: INCIDENT_LIMITS.evidenceItems })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(INCIDENT_LIMITS.evidenceItems)
  @ValidateNested({ each: true })
  @Type(() => IncidentEvidenceDto)
  evidence?: IncidentEvidenceDto[] | null;

  @ApiPropertyOptional({ type: IncidentPoliceReportDto, nullable: true })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => IncidentPoliceReportDto)
  police?: IncidentPoliceReportDto | null;

  @OptionalText(INCIDENT_LIMITS.effect, 'Effect on the person: fear, changes to daily life') effect?: string | null;

  @ApiPropertyOptional({
    type: IncidentPrivateLayerDto,
    nullable: true,
    description: 'Never exported unless asked for',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => IncidentPrivateLayerDto)
  'private'?: IncidentPrivateLayerDto | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  keyExample?: boolean | null;
}

export class CreateIncidentDto extends IncidentOptionalFieldsDto {
  @ApiProperty({ example: '2026-11-20T17:30:00.000Z', description: 'ISO-8601 instant with Z or an offset' })
  @Matches(INSTANT, { message: INSTANT_MESSAGE })
  @IsISO8601({ strict: true })
  occurredAt!: string;

  @ApiProperty({ enum: INCIDENT_CONTACT_TYPES })
  @IsIn(INCIDENT_CONTACT_TYPES)
  contactType!: IncidentContactType;

  @ApiProperty({ maxLength: INCIDENT_LIMITS.description, description: 'What happened, in short factual words' })
  @trimmed
  @IsString()
  @Length(1, INCIDENT_LIMITS.description)
  @PlainText()
  description!: string;
}

/** An edit: fields present replace the stored ones (nested objects as a whole); absent ones stay. */
export class UpdateIncidentDto extends IncidentOptionalFieldsDto {
  @ApiPropertyOptional({ example: '2026-11-20T17:30:00.000Z' })
  @PresentNotNull()
  @Matches(INSTANT, { message: INSTANT_MESSAGE })
  @IsISO8601({ strict: true })
  occurredAt?: string;

  @ApiPropertyOptional({ enum: INCIDENT_CONTACT_TYPES })
  @PresentNotNull()
  @IsIn(INCIDENT_CONTACT_TYPES)
  contactType?: IncidentContactType;

  @ApiPropertyOptional({ maxLength: INCIDENT_LIMITS.description })
  @PresentNotNull()
  @trimmed
  @IsString()
  @Length(1, INCIDENT_LIMITS.description)
  @PlainText()
  description?: string;
}

export class IncidentListQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ enum: INCIDENT_CONTACT_TYPES })
  @IsOptional()
  @IsIn(INCIDENT_CONTACT_TYPES)
  contactType?: IncidentContactType;
  @ApiPropertyOptional() @IsOptional() @queryBoolean @IsBoolean() keyExample?: boolean;
  @ApiPropertyOptional({ description: 'Occurred at or after (ISO-8601)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;
  @ApiPropertyOptional({ description: 'Occurred before (ISO-8601)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

export class IncidentExportQueryDto {
  @ApiProperty({ enum: INCIDENT_EXPORT_FORMATS })
  @IsIn(INCIDENT_EXPORT_FORMATS)
  format!: IncidentExportFormat;

  @ApiPropertyOptional({ default: false, description: 'Include the private layer (thoughts, safety notes)' })
  @IsOptional()
  @queryBoolean
  @IsBoolean()
  includePrivate?: boolean;

  @ApiPropertyOptional({ enum: LOCALES, description: "Language of the export; the account's language by default" })
  @IsOptional()
  @IsIn(LOCALES)
  lang?: Locale;
}
