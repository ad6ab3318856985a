import { Transform } from 'class-transformer';
import { IsString, Length, Matches, ValidateBy, type ValidationOptions } from 'class-validator';
import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { confusableKeys } from '../display-name-keys';
import { type DisplayNameProblem, displayNameProblem, normalizeDisplayName } from '../display-names';
import { DISPLAY_NAME_MAX, DISPLAY_NAME_MIN, LOGIN_PATTERN, PASSWORD_MAX, PASSWORD_MIN } from '../http-contract';

/**
 * What plain text cannot hold: control characters other than tab and line breaks — C0, DEL and C1
 * (they break exports and terminals; U+009B is a terminal's escape on its own) — and a lone
 * surrogate (half of a character: UTF-8, in which the database and the encryption store text, has
 * no form for it, so it would be stored altered as U+FFFD). Bidi, zero-width and combining
 * characters are text, and are stored as given.
 */
export const NOT_PLAIN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Chat text (CONTRACT "message:send"): plain text whose lines break with `\n` only, so no carriage return either. */
export const NOT_CHAT_TEXT = new RegExp(`${NOT_PLAIN_TEXT.source}|\r`);

/** Free text that is stored as given, or refused with 400: see NOT_PLAIN_TEXT. */
export function PlainText(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'plainText',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || !NOT_PLAIN_TEXT.test(value),
        defaultMessage: (args) => `${args?.property ?? 'text'} must not hold control characters or broken characters (lone surrogates)`,
      },
    },
    options,
  );
}

const lowerCase = Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value));

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
    PlainText(),
  );
}

const NAME_PROBLEM_MESSAGES: Record<DisplayNameProblem, string> = {
  length: `must be ${DISPLAY_NAME_MIN}–${DISPLAY_NAME_MAX} characters`,
  characters: "may hold only letters, digits, spaces and . ' - (no invisible or special characters)",
  shape: 'must begin with a letter or digit, hold a letter, and carry at most 3 accents on a letter',
  scripts: 'must be written in one script (not, say, Latin and Cyrillic letters mixed)',
  staffWord: 'must not be, begin or end with a word that staff are called by',
};

/**
 * A display name being chosen (CONTRACT "Who may listen"): normalised, then checked by the shared
 * rules with look-alikes folded. Participants may not use staff words; staff may.
 */
function DisplayNameOf(kind: 'participant' | 'staff'): PropertyDecorator {
  const staff = kind === 'staff';
  return applyDecorators(
    ApiProperty({
      minLength: DISPLAY_NAME_MIN,
      maxLength: DISPLAY_NAME_MAX,
      description: `Letters, marks, digits, spaces and . ' - in one script${staff ? '' : '; no staff words'}`,
    }),
    Transform(({ value }) => (typeof value === 'string' ? normalizeDisplayName(value) : value)),
    IsString(),
    ValidateBy({
      name: 'displayName',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && displayNameProblem(value, { staff, keys: confusableKeys }) === null,
        defaultMessage: (args) =>
          `displayName ${NAME_PROBLEM_MESSAGES[displayNameProblem(String(args?.value), { staff, keys: confusableKeys }) ?? 'characters']}`,
      },
    }),
  );
}

/** A participant's name in a group (redeem, rename). */
export function ParticipantDisplayName(): PropertyDecorator {
  return DisplayNameOf('participant');
}

/** A staff member's name (staff account, facilitator assignment): staff words allowed. */
export function StaffDisplayName(): PropertyDecorator {
  return DisplayNameOf('staff');
}

/** Any 1–256 character string: what login and "current password" fields accept. */
export function AnyCredential(): PropertyDecorator {
  return applyDecorators(ApiProperty({ minLength: 1, maxLength: 256 }), IsString(), Length(1, 256));
}
