import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import type { Request } from 'express';
import { ApiException } from '../common/api-exception';
import { Caller, requestCaller } from './caller';

/**
 * The authenticated caller of the request: `handle(@CurrentCaller() caller: Caller)`. Only for routes the guard
 * protects (every route but @Public() ones), so it always has one; asking for it elsewhere is a programming error.
 */
export const CurrentCaller = createParamDecorator((_data: unknown, context: ExecutionContext): Caller => {
  const caller = requestCaller(context.switchToHttp().getRequest<Request>());
  if (!caller) throw new ApiException(401, 'UNAUTHENTICATED', 'This endpoint needs credentials.');
  return caller;
});
