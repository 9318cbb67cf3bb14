import { CanActivate, ExecutionContext, HttpException, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { ApiException } from '../common/api-exception';
import { requestContextOf } from '../common/request-context';
import { AppConfig } from '../config/app-config';
import { ACCEPTS_METRICS_TOKEN } from './accepts-metrics-token.decorator';
import { attachCaller, roleSatisfies, type Role } from './caller';
import { Credentials } from './credentials';
import { CONFINED_TO_SENDERS } from './confined-to-senders.decorator';
import { IS_PUBLIC } from './public.decorator';
import { DEFAULT_REQUIRED_ROLE, REQUIRED_ROLE } from './roles.decorator';
import { SendRateLimit } from './rate-limit/send-rate-limit';
import { SENDS_SMS, type SendsSmsOptions } from './sends-sms.decorator';
import { assertMaySendFrom, assertNotRestricted, rawSenderOf } from './sender-restriction';
import { assertTrustedOrigin, isStateChanging } from './trusted-origin';

/**
 * The global guard, deny by default. Every route needs credentials (401) unless it is @Public(); then the role
 * (403: `admin` unless @Roles('operator')); a console session changing state must come from the console's origin
 * (403); on a @SendsSms() route, a key restricted to sender numbers must use one of them (403) and the send counts
 * against the caller's rate limit (429); such a key is refused on any other route not marked @ConfinedToSenders()
 * (403). A route marked @AcceptsMetricsToken() also lets the metrics scraper's token in.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly credentials: Credentials,
    private readonly sendRateLimit: SendRateLimit,
    private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.metadata<boolean>(IS_PUBLIC, context)) return true;
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    if (this.metadata<boolean>(ACCEPTS_METRICS_TOKEN, context) && this.credentials.isMetricsToken(request)) {
      const observed = requestContextOf(http.getResponse<Response>());
      if (observed) observed.metricsScraper = true;
      return true;
    }
    const { caller, via } = await this.authenticate(request, http.getResponse<Response>());
    attachCaller(request, caller);
    if (via === 'session' && isStateChanging(request.method)) assertTrustedOrigin(request, this.config.corsOrigins, { required: true });
    const required = this.metadata<Role>(REQUIRED_ROLE, context) ?? DEFAULT_REQUIRED_ROLE;
    if (!roleSatisfies(caller.role, required))
      throw new ApiException(403, 'FORBIDDEN', `This endpoint needs the ${required} role.`, { context: { requiredRole: required } });
    const sends = this.metadata<SendsSmsOptions>(SENDS_SMS, context);
    if (!sends && !this.metadata<boolean>(CONFINED_TO_SENDERS, context)) assertNotRestricted(caller);
    if (sends) {
      // Before the checks that may refuse it: a refused send is counted as such (sends_total, outcome refused).
      const observed = requestContextOf(http.getResponse<Response>());
      if (observed) observed.sends = sends.kind;
      assertMaySendFrom(caller, rawSenderOf(request.body, sends.fromField));
      await this.sendRateLimit.count(caller, http.getResponse<Response>());
    }
    return true;
  }

  private async authenticate(request: Request, response: Response) {
    try {
      return await this.credentials.authenticate(request);
    } catch (error) {
      if (error instanceof HttpException && error.getStatus() === 401) response.setHeader('WWW-Authenticate', 'Bearer');
      throw error;
    }
  }

  private metadata<T>(key: string, context: ExecutionContext): T | undefined {
    return this.reflector.getAllAndOverride<T>(key, [context.getHandler(), context.getClass()]);
  }
}
