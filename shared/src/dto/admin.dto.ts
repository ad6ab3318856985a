import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, Length } from 'class-validator';
import { STAFF_ROLES, type StaffRole } from '../roles';
import { ChosenLogin, ChosenPassword, StaffDisplayName } from './validation-rules';

export class CreateStaffDto {
  @ChosenLogin() login!: string;
  @ChosenPassword() password!: string;
  @ApiProperty({ enum: STAFF_ROLES })
  @IsIn(STAFF_ROLES)
  role!: StaffRole;
  @StaffDisplayName()
  @IsOptional()
  displayName?: string;
}

export class AuditQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 64) type?: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) to?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) cursor?: string;
}
