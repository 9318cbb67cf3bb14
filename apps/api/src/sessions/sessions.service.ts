import { Inject, Injectable } from '@nestjs/common';
import type { Clock } from '@flex-sms/domain';
import { randomBytes } from 'node:crypto';
import { AUTH_CLOCK } from '../auth/auth.tokens';
import type { Caller } from '../auth/caller';
import { DECOY_HASH, sha256, verifySecret } from '../auth/secret-hash';
import { ApiException } from '../common/api-exception';
import { TooManyRequestsException } from '../common/too-many-requests.exception';
import { AppConfig } from '../config/app-config';
import type { ConsoleUser } from '../users/console-user';
import { SqlUserStore } from '../users/sql-user-store';
import { ConcurrencyLimit, ConcurrencyLimitReached } from './concurrency-limit';
import { LoginThrottle } from './login-throttle';
import { SqlSessionStore } from './sql-session-store';

export interface SignedIn {
  /** The session token for the cookie. Only its sha256 is stored. */
  token: string;
  user: ConsoleUser;
  expiresAt: Date;
}

/**
 * Password checks run at once, and waiting. scrypt runs on libuv's thread pool (4 threads unless UV_THREADPOOL_SIZE
 * says otherwise) with 16 MiB each: more at once would only queue there, holding memory, and delay every other
 * crypto and file operation of the process. Beyond the waiting room a sign-in is refused at once.
 */
const PASSWORD_CHECKS = { running: 4, waiting: 64 } as const;

/** Console sign-in and sessions: password check, throttling of failures, session creation, lookup and end. */
@Injectable()
export class SessionsService {
  private readonly passwordChecks = new ConcurrencyLimit(PASSWORD_CHECKS.running, PASSWORD_CHECKS.waiting);

  constructor(
    private readonly config: AppConfig,
    private readonly users: SqlUserStore,
    private readonly sessions: SqlSessionStore,
    private readonly throttle: LoginThrottle,
    @Inject(AUTH_CLOCK) private readonly clock: Clock,
  ) {}

  async signIn(username: string, password: string, clientAddress: string): Promise<SignedIn> {
    // Counted before the check, so parallel guesses cannot all pass a limit that the first failure would have set.
    await this.throttle.countAttempt(username, clientAddress);
    const credential = await this.users.findCredential(username);
    // Verified even for an unknown username (against a decoy), so timing does not reveal which usernames exist.
    const valid = await this.checkPassword(password, credential?.passwordHash ?? DECOY_HASH);
    if (!credential || !valid) throw new ApiException(401, 'INVALID_CREDENTIALS', 'Wrong username or password.');
    await this.throttle.recordSuccess(username, clientAddress);
    return this.startSession(credential.user);
  }

  /** The signed-in user of a session token, or undefined when it is unknown, ended or expired. */
  async callerOf(token: string): Promise<Caller | undefined> {
    const session = await this.sessions.findActive(sha256(token), new Date(this.clock.now()));
    if (!session) return undefined;
    return { kind: 'user', id: session.user.id, name: session.user.username, role: session.user.role };
  }

  async expiryOf(token: string): Promise<Date | undefined> {
    return (await this.sessions.findActive(sha256(token), new Date(this.clock.now())))?.expiresAt;
  }

  async signOut(token: string): Promise<void> {
    await this.sessions.delete(sha256(token));
  }

  private async checkPassword(password: string, hash: string): Promise<boolean> {
    try {
      return await this.passwordChecks.run(() => verifySecret(password, hash));
    } catch (error) {
      if (error instanceof ConcurrencyLimitReached)
        throw new TooManyRequestsException('SIGN_IN_BUSY', 'Too many sign-ins at once. Try again in a moment.', 1);
      throw error;
    }
  }

  private async startSession(user: ConsoleUser): Promise<SignedIn> {
    const now = this.clock.now();
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now + this.config.auth.sessionTtlMs);
    await this.sessions.deleteExpired(new Date(now));
    await this.sessions.create(sha256(token), user.id, new Date(now), expiresAt);
    return { token, user, expiresAt };
  }
}
