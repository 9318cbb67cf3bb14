import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { Observable, Subscription, catchError, defer, from, mergeMap, of, throwError } from 'rxjs';
import { ApiException } from '../common/api-exception';
import { describeError } from '../common/describe-error';
import { requestIdOf } from '../common/request-id';
import { Metrics } from '../metrics/metrics';
import { HeldLock, apartFromHeldLocks, whileHolding } from '../store/held-lock';
import { InstancePresence } from '../store/instance-presence';
import { callerOf } from './caller';
import { ClaimToken, IdempotencyStore, SavedResponse } from './idempotency-store';
import { ANSWER_FROM_JOURNAL, AnswerFromJournal, answerAsCreated } from './answer-from-journal';
import { requestFingerprint } from './request-fingerprint';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
export const IDEMPOTENT_REPLAYED_HEADER = 'Idempotent-Replayed';

/** Stripe accepts keys of up to 255 characters; printable ASCII keeps them safe in logs and headers. */
const ACCEPTABLE_KEY = /^[\x21-\x7e]{1,255}$/;

/**
 * `Idempotency-Key` with Stripe's semantics, per caller: the first request with a key runs and its response
 * (status + body, errors included) is kept for 24 hours; a repeat with the same body gets that response back
 * without touching Twilio (`Idempotent-Replayed: true`); the key with another body → 422; while the first request
 * still runs → 409.
 *
 * Not kept, so a retry with the same key runs again: requests refused before they ran (validation), and 5xx
 * answers (Twilio unavailable: the journal undid what the attempt made, and the answer says to try again).
 *
 * After a crash: a key whose request succeeded before its answer was stored is answered from the journal's result
 * (the route's `answerFromJournal`), one whose request was undone runs again (see IdempotencyStore).
 *
 * A key is claimed under this instance's presence, and the request runs under the presence's lock: should the
 * presence be lost (its database session died), another instance may take the key over, so this request must not
 * go on; its next statement fails (held-lock.ts) and it answers 503 DATABASE_UNAVAILABLE.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly store: IdempotencyStore,
    private readonly reflector: Reflector,
    private readonly moduleRef: ModuleRef,
    private readonly presence: InstancePresence,
    private readonly metrics: Metrics,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    const key = request.header(IDEMPOTENCY_KEY_HEADER);
    if (key === undefined) return next.handle();
    if (!ACCEPTABLE_KEY.test(key)) {
      return throwError(
        () => new ApiException(400, 'INVALID_IDEMPOTENCY_KEY', `${IDEMPOTENCY_KEY_HEADER} must be 1 to 255 printable ASCII characters.`),
      );
    }

    const caller = callerOf(request);
    const fingerprint = requestFingerprint(request.method, request.path, request.body);
    return subscribedWhileHolding(this.presence.lock, () => this.claimAndRun(context, next, caller, key, fingerprint));
  }

  private claimAndRun(context: ExecutionContext, next: CallHandler, caller: string, key: string, fingerprint: string): Observable<unknown> {
    const response = context.switchToHttp().getResponse<Response>();
    return defer(() => this.store.claim(caller, key, fingerprint)).pipe(
      mergeMap((claim) => {
        switch (claim.kind) {
          case 'replay':
            this.metrics.idempotencyReplays.inc({ source: 'stored' });
            response.status(claim.response.status).setHeader(IDEMPOTENT_REPLAYED_HEADER, 'true');
            return of(claim.response.body);
          case 'mismatch':
            return throwError(
              () =>
                new ApiException(
                  422,
                  'IDEMPOTENCY_KEY_REUSED',
                  `This ${IDEMPOTENCY_KEY_HEADER} was already used with a different request; use a new key for a new request.`,
                  {
                    context: { idempotencyKey: key },
                  },
                ),
            );
          case 'in_progress':
            response.setHeader('Retry-After', '1');
            return throwError(
              () =>
                new ApiException(
                  409,
                  'IDEMPOTENCY_KEY_IN_USE',
                  `A request with this ${IDEMPOTENCY_KEY_HEADER} is still running; retry once it has finished.`,
                  {
                    context: { idempotencyKey: key },
                  },
                ),
            );
          case 'succeeded_in_journal': {
            const answer = (this.reflector.get<AnswerFromJournal>(ANSWER_FROM_JOURNAL, context.getHandler()) ?? answerAsCreated)(
              claim.result,
              this.moduleRef,
            );
            return from(apartFromHeldLocks(() => this.store.complete(caller, key, claim.token, answer))).pipe(
              mergeMap(() => {
                this.metrics.idempotencyReplays.inc({ source: 'journal' });
                response.status(answer.status).setHeader(IDEMPOTENT_REPLAYED_HEADER, 'true');
                return of(answer.body);
              }),
            );
          }
          case 'claimed':
            return this.runAndKeep(next, caller, key, claim.token, response);
        }
      }),
    );
  }

  private runAndKeep(next: CallHandler, caller: string, key: string, token: ClaimToken, response: Response): Observable<unknown> {
    return next.handle().pipe(
      mergeMap(async (body: unknown) => {
        await apartFromHeldLocks(() => this.store.complete(caller, key, token, { status: response.statusCode, body }));
        return body;
      }),
      catchError((error: unknown) =>
        from(apartFromHeldLocks(() => this.settleFailure(caller, key, token, error, response))).pipe(mergeMap(() => throwError(() => error))),
      ),
    );
  }

  /** Storing or dropping the answer is guarded by the claim's token: harmless even after the presence was lost. */
  private async settleFailure(caller: string, key: string, token: ClaimToken, error: unknown, response: Response): Promise<void> {
    const saved = savedError(error, requestIdOf(response));
    if (saved) await this.store.complete(caller, key, token, saved);
    else await this.store.release(caller, key, token);
  }
}

/** The error answer to keep for replay, or null when the request should be free to run again. */
function savedError(error: unknown, requestId: string): SavedResponse | null {
  const { logAs: _logAs, logNote: _logNote, retryAfterSeconds: _retryAfter, ...described } = describeError(error);
  if (described.code === 'VALIDATION_FAILED' || described.status >= 500) return null;
  return { status: described.status, body: { error: { ...described, requestId } } };
}

/** Subscribes to `source()` as work that depends on `lock`: everything the subscription starts runs under it. */
function subscribedWhileHolding<T>(lock: HeldLock, source: () => Observable<T>): Observable<T> {
  return new Observable<T>((subscriber) => {
    const subscription: Subscription = whileHolding(lock, () => source().subscribe(subscriber));
    return () => subscription.unsubscribe();
  });
}
