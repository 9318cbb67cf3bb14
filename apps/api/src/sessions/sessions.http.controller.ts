import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Caller } from '../auth/caller';
import { ConfinedToSenders } from '../auth/confined-to-senders.decorator';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { Public } from '../auth/public.decorator';
import { Roles } from '../auth/roles.decorator';
import { assertTrustedOrigin } from '../auth/trusted-origin';
import { ApiErrorExamples, ERROR_EXAMPLES, RETRY_AFTER_HEADER } from '../common/api-error-examples.decorator';
import { AppConfig } from '../config/app-config';
import { SignInRequestDto } from './dto/sign-in.request.dto';
import { SignedInDto, WhoAmIDto } from './dto/who-am-i.response.dto';
import { clearSessionCookie, sessionTokenOf, setSessionCookie } from './session-cookie';
import { SessionsService } from './sessions.service';

@ApiTags('Sign-in')
@Controller('auth')
export class SessionsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly config: AppConfig,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in to the console',
    description:
      'Sets the httpOnly, SameSite=Strict session cookie. Failed attempts make the next one wait, longer and longer, per username and per address.',
  })
  @ApiOkResponse({ type: SignedInDto })
  @ApiErrorExamples(
    {
      400: [ERROR_EXAMPLES.validationFailed],
      401: [ERROR_EXAMPLES.invalidCredentials],
      403: [ERROR_EXAMPLES.untrustedOrigin],
      429: [ERROR_EXAMPLES.loginThrottled, ERROR_EXAMPLES.signInBusy],
    },
    { 429: RETRY_AFTER_HEADER },
  )
  async login(@Body() body: SignInRequestDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<SignedInDto> {
    assertTrustedOrigin(request, this.config.corsOrigins, { required: false });
    const { token, user, expiresAt } = await this.sessions.signIn(body.username, body.password, request.ip ?? 'unknown');
    setSessionCookie(response, token, expiresAt, this.config.auth.sessionCookieSecure);
    return { user: { kind: 'user', id: user.id, name: user.username, role: user.role }, sessionExpiresAt: expiresAt };
  }

  @Post('logout')
  @Roles('operator')
  // Nothing of any number here: open to keys restricted to sender numbers.
  @ConfinedToSenders()
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out: ends the session on the server and clears the cookie' })
  @ApiNoContentResponse()
  async logout(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    const token = sessionTokenOf(request, this.config.auth.sessionCookieSecure);
    if (token) await this.sessions.signOut(token);
    clearSessionCookie(response, this.config.auth.sessionCookieSecure);
  }

  @Get('me')
  @Roles('operator')
  @ConfinedToSenders()
  @ApiOperation({ summary: 'Who am I: the signed-in user or the API key, with its role' })
  @ApiOkResponse({ type: WhoAmIDto })
  async me(@CurrentCaller() caller: Caller, @Req() request: Request): Promise<WhoAmIDto> {
    const token = caller.kind === 'user' ? sessionTokenOf(request, this.config.auth.sessionCookieSecure) : undefined;
    const sessionExpiresAt = token ? await this.sessions.expiryOf(token) : undefined;
    return { ...caller, ...(sessionExpiresAt ? { sessionExpiresAt } : {}) };
  }
}
