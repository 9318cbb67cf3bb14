import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import { AppConfig } from '../config/app-config';
import { ApiException } from '../common/api-exception';
import { IS_PUBLIC } from './public.decorator';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * Global guard, deny by default: a route needs `Authorization: Bearer <BOOTSTRAP_API_KEY>` unless it is @Public().
 * The seam real API keys, users and roles will replace: swap this class, keep @Public().
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  private readonly expectedDigest: Buffer;

  constructor(
    private readonly reflector: Reflector,
    config: AppConfig,
  ) {
    this.expectedDigest = digest(config.bootstrapApiKey);
  }

  canActivate(context: ExecutionContext): boolean {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const http = context.switchToHttp();
    const presented = BEARER.exec(http.getRequest<Request>().header('authorization') ?? '')?.[1];
    // Comparing fixed-length digests in constant time: neither the key's content nor its length leaks through timing.
    if (presented !== undefined && timingSafeEqual(digest(presented), this.expectedDigest)) return true;
    http.getResponse<Response>().setHeader('WWW-Authenticate', 'Bearer');
    throw new ApiException(
      401,
      'UNAUTHENTICATED',
      presented === undefined ? 'This endpoint needs an API key: send Authorization: Bearer <key>.' : 'The API key is not valid.',
    );
  }
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
