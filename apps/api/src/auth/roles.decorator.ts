import { SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { Role } from './caller';

export const REQUIRED_ROLE = 'flex-sms:required-role';
/** Swagger marker read by swagger.ts to state the role in the operation's description. */
export const ROLE_EXTENSION = 'x-required-role';

/**
 * The least role a route (or a whole controller) needs. Without it a route needs `admin`: deny by default, so a new
 * route is never opened to operators by omission. `@Roles('operator')` opens it to operators (and admins).
 */
export const Roles = (role: Role) => applyDecorators(SetMetadata(REQUIRED_ROLE, role), ApiExtension(ROLE_EXTENSION, role));

export const DEFAULT_REQUIRED_ROLE: Role = 'admin';
