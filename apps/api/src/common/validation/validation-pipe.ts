import { ValidationError, ValidationPipe } from '@nestjs/common';
import { ApiException } from '../api-exception';
import { FieldError } from '../error-body';

/**
 * Invalid or malformed fields answer 400 VALIDATION_FAILED (the request itself is wrong); 422 is left to requests
 * that are well-formed but cannot be carried out (domain errors). Every invalid field is reported at once.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const details = flattenValidationErrors(errors);
      const fields = new Set(details.map((detail) => detail.field)).size;
      return new ApiException(400, 'VALIDATION_FAILED', `The request has ${fields} invalid field${fields === 1 ? '' : 's'}.`, { details });
    },
  });
}

/** class-validator's tree of errors as a flat list, one entry per failed constraint, with dotted field paths. */
export function flattenValidationErrors(errors: readonly ValidationError[], parent?: string): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}
