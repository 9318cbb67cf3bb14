import { SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';

export const IS_PUBLIC = 'flex-sms:public';

/** Swagger marker read by swagger.ts to document the route without the bearer requirement. */
export const PUBLIC_EXTENSION = 'x-public';

/**
 * Opens a route (or a whole controller) to callers without an API key. Everything else needs one: the guard
 * denies by default.
 */
export const Public = () => applyDecorators(SetMetadata(IS_PUBLIC, true), ApiExtension(PUBLIC_EXTENSION, true));
