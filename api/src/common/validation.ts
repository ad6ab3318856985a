import { type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';
import { DomainError, type ErrorDetail } from './domain-error';
import { droppedKey } from './json-depth';

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

/**
 * The object mapping before validation drops `__proto__` and `constructor` fields silently, so
 * `forbidNonWhitelisted` never sees them: they are refused here by name, like any unknown field
 * (bodies are refused earlier, in the HTTP pipeline; this catches queries, e.g. `?constructor=x`).
 */
class StrictValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const key = metadata.type === 'query' || metadata.type === 'body' ? droppedKey(value) : null;
    if (key) throw new DomainError('VALIDATION', 'The request is not valid.', [{ field: key, message: `unknown field ${key}` }]);
    return super.transform(value, metadata);
  }
}

/** Body and query validation: unknown fields are refused (mass assignment), types are checked. */
export function createValidationPipe(): ValidationPipe {
  return new StrictValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new DomainError('VALIDATION', 'The request is not valid.', flatten(errors)),
  });
}
