import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { LOCALES, type Locale } from '../roles';
import { AnyCredential, ChosenLogin, ChosenPassword } from './validation-rules';

export class LoginDto {
  @AnyCredential() login!: string;
  @AnyCredential() password!: string;
}

export class ChangePasswordDto {
  @AnyCredential() currentPassword!: string;
  @ChosenPassword() newPassword!: string;
}

export class NewRecoveryCodesDto {
  @AnyCredential() password!: string;
}

export class RecoverDto {
  @AnyCredential() login!: string;
  @ApiProperty({ example: 'ABCD-EFGH-JKMN' })
  @IsString()
  @Length(1, 64)
  recoveryCode!: string;
  @ChosenPassword() newPassword!: string;
}

export class UpdateMeDto {
  @ApiPropertyOptional({ enum: LOCALES })
  @IsOptional()
  @IsIn(LOCALES)
  locale?: Locale;
}

/** Kept here so the login rule is in one place for both redeem and staff creation. */
export class ChosenCredentialsDto {
  @ChosenLogin() login!: string;
  @ChosenPassword() password!: string;
}
