import { Transform } from 'class-transformer';
import { IsString, Length, Matches } from 'class-validator';
import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { DISPLAY_NAME_MAX, DISPLAY_NAME_MIN, LOGIN_PATTERN, PASSWORD_MAX, PASSWORD_MIN } from '../http-contract';

const lowerCase = Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value));
const trimmed = Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

/** A login being chosen: 3–64 of [a-z0-9._-], compared case-insensitively (stored lower case). */
export function ChosenLogin(): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ example: 'anna.k', pattern: LOGIN_PATTERN.source }),
    lowerCase,
    IsString(),
    Matches(LOGIN_PATTERN, { message: 'login must be 3–64 of a-z, 0-9, dot, underscore or hyphen' }),
  );
}

/** A password being chosen: 10–256 characters, no composition rules (NIST 800-63B). */
export function ChosenPassword(): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ minLength: PASSWORD_MIN, maxLength: PASSWORD_MAX }),
    IsString(),
    Length(PASSWORD_MIN, PASSWORD_MAX, { message: `password must be ${PASSWORD_MIN}–${PASSWORD_MAX} characters` }),
  );
}

export function DisplayName(): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ minLength: DISPLAY_NAME_MIN, maxLength: DISPLAY_NAME_MAX }),
    trimmed,
    IsString(),
    Length(DISPLAY_NAME_MIN, DISPLAY_NAME_MAX, {
      message: `displayName must be ${DISPLAY_NAME_MIN}–${DISPLAY_NAME_MAX} characters`,
    }),
  );
}

/** Any 1–256 character string: what login and "current password" fields accept. */
export function AnyCredential(): PropertyDecorator {
  return applyDecorators(ApiProperty({ minLength: 1, maxLength: 256 }), IsString(), Length(1, 256));
}
