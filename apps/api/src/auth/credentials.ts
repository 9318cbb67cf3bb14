import { Injectable } from '@nestjs/common';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import { ApiKeyVerifier } from '../api-keys/api-key-verifier';
import { ApiException } from '../common/api-exception';
import { AppConfig } from '../config/app-config';
import { sessionTokenOf } from '../sessions/session-cookie';
import { SessionsService } from '../sessions/sessions.service';
import type { Caller } from './caller';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

const BOOTSTRAP_CALLER: Caller = { kind: 'bootstrap', id: 'bootstrap', name: 'Bootstrap API key', role: 'admin' };

export interface Authenticated {
  caller: Caller;
  /** `session`: the console cookie, which a browser sends by itself, so state changes need the Origin check. */
  via: 'api-key' | 'session';
}

/**
 * Who is calling: `Authorization: Bearer <key>` (the bootstrap key from the environment, or a stored API key) or,
 * without an Authorization header, the console session cookie. Throws 401 UNAUTHENTICATED otherwise. A request
 * that sends an Authorization header is judged on it alone: a bad key is not rescued by a cookie.
 */
@Injectable()
export class Credentials {
  private readonly bootstrapDigest: Buffer;
  private readonly metricsTokenDigest?: Buffer;
  private readonly secureCookie: boolean;

  constructor(
    config: AppConfig,
    private readonly apiKeys: ApiKeyVerifier,
    private readonly sessions: SessionsService,
  ) {
    this.bootstrapDigest = digest(config.bootstrapApiKey);
    this.metricsTokenDigest = config.metricsToken === undefined ? undefined : digest(config.metricsToken);
    this.secureCookie = config.auth.sessionCookieSecure;
  }

  async authenticate(request: Request): Promise<Authenticated> {
    const authorization = request.header('authorization');
    if (authorization !== undefined) return { caller: await this.byApiKey(authorization), via: 'api-key' };
    const token = sessionTokenOf(request, this.secureCookie);
    if (token !== undefined) return { caller: await this.bySession(token), via: 'session' };
    throw new ApiException(401, 'UNAUTHENTICATED', 'This endpoint needs credentials: an API key (Authorization: Bearer <key>) or a console session.');
  }

  /** Whether the request carries the metrics scraper's token (METRICS_TOKEN), compared like the bootstrap key. */
  isMetricsToken(request: Request): boolean {
    const key = BEARER.exec(request.header('authorization') ?? '')?.[1];
    return this.metricsTokenDigest !== undefined && key !== undefined && timingSafeEqual(digest(key), this.metricsTokenDigest);
  }

  private async byApiKey(authorization: string): Promise<Caller> {
    const key = BEARER.exec(authorization)?.[1];
    if (key === undefined) throw new ApiException(401, 'UNAUTHENTICATED', 'Send the API key as Authorization: Bearer <key>.');
    // Fixed-length digests compared in constant time: neither the bootstrap key's content nor its length leaks.
    if (timingSafeEqual(digest(key), this.bootstrapDigest)) return BOOTSTRAP_CALLER;
    const caller = await this.apiKeys.verify(key);
    if (!caller) throw new ApiException(401, 'UNAUTHENTICATED', 'The API key is not valid, or has been revoked.');
    return caller;
  }

  private async bySession(token: string): Promise<Caller> {
    const caller = await this.sessions.callerOf(token);
    if (!caller) throw new ApiException(401, 'SESSION_EXPIRED', 'Your session has ended. Sign in again.');
    return caller;
  }
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
