import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { ApiException } from '../api-exception';
import { FieldError } from '../error-body';
import { escapeForbiddenCharacters, fieldsWithForbiddenCharacters } from './forbidden-characters';

/**
 * Invalid or malformed fields answer 400 VALIDATION_FAILED (the request itself is wrong); 422 is left to requests
 * that are well-formed but cannot be carried out (domain errors). Every invalid field is reported at once.
 */
export function createValidationPipe(): ValidationPipe {
  return new ApiValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => validationFailed(flattenValidationErrors(errors)),
  });
}

/**
 * class-validator's checks, plus one that no DTO has to remember: no string anywhere in a body, query or path
 * parameter (JSON or form-encoded, nested values and keys included) may hold a C0 control character other than tab,
 * CR and LF, or a lone surrogate. PostgreSQL refuses NUL in text and jsonb (a 500 after the request was half taken),
 * neither database can store a lone surrogate as it came, and the others have no business in an SMS, a name or an
 * identifier.
 */
class ApiValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // `custom` parameters (@CurrentCaller()) come from the server, not the request.
    const forbidden = metadata.type === 'custom' ? [] : fieldsWithForbiddenCharacters(value, metadata.data);
    let transformed: unknown;
    try {
      transformed = await super.transform(value, metadata);
    } catch (error) {
      if (forbidden.length === 0 || !(error instanceof ApiException) || error.code !== 'VALIDATION_FAILED') throw error;
      throw validationFailed([...(error.extras.details ?? []), ...forbidden]);
    }
    if (forbidden.length > 0) throw validationFailed(forbidden);
    return transformed;
  }
}

/** 400 VALIDATION_FAILED with these field errors, for a check no DTO can make (it needs configuration). */
export function validationFailed(fieldErrors: FieldError[]): ApiException {
  const details = fieldErrors.map(({ field, message }) => ({ field: escapeForbiddenCharacters(field), message: escapeForbiddenCharacters(message) }));
  const fields = new Set(details.map((detail) => detail.field)).size;
  return new ApiException(400, 'VALIDATION_FAILED', `The request has ${fields} invalid field${fields === 1 ? '' : 's'}.`, { details });
}

/** class-validator's tree of errors as a flat list, one entry per failed constraint, with dotted field paths. */
export function flattenValidationErrors(errors: readonly ValidationError[], parent?: string): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}
