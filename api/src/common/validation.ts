import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { DomainError, type ErrorDetail } from './domain-error';

function flatten(errors: ValidationError[], prefix = ''): ErrorDetail[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) =>
      // forbidNonWhitelisted says "property x should not exist"; say it plainly.
      ({ field, message: message.includes('should not exist') ? `unknown field ${field}` : message }),
    );
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** Body and query validation: unknown fields are refused (mass assignment), types are checked. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new DomainError('VALIDATION', 'The request is not valid.', flatten(errors)),
  });
}
