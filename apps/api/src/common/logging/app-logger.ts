import pino, { type DestinationStream, type LevelWithSilent, type Logger } from 'pino';
import pinoPretty from 'pino-pretty';
import type { LogOutputSettings } from '../../config/app-config';
import { currentRequestContext } from '../request-context';
import type { LogRedactor } from './log-redactor';

/** Injection token of the API's pino logger (everything the API logs goes through it). */
export const APP_LOGGER = Symbol('APP_LOGGER');

/** Where the logs go, when not where LOG_FORMAT says (tests capture them, or silence them). */
export interface LogOutput {
  stream: DestinationStream;
  /** Instead of LOG_LEVEL. */
  level?: LevelWithSilent;
}

/**
 * The API's logger: JSON lines (LOG_FORMAT=json) or readable lines (pretty). Redaction is part of the logger, so
 * nothing logged bypasses it: the message and its arguments, every field of the logged object, child bindings and
 * errors (message and stack) all pass through the LogRedactor.
 */
export function createAppLogger(settings: LogOutputSettings, redactor: LogRedactor, output?: LogOutput): Logger {
  const redactError = (error: unknown) => redactor.redactValue(error instanceof Error ? pino.stdSerializers.err(error) : error);
  return pino(
    {
      level: output?.level ?? settings.level,
      timestamp: pino.stdTimeFunctions.isoTime,
      // Whatever a request logs (an error and its stack, a warning) can be found from the id its caller was given.
      mixin: () => {
        const context = currentRequestContext();
        return context ? { requestId: context.requestId } : {};
      },
      formatters: {
        // Level names rather than numbers: what a log pipeline or a person searches for.
        level: (label) => ({ level: label }),
        bindings: (bindings) => redactor.redactValue(bindings) as Record<string, unknown>,
        log: (entry) => redactor.redactValue(entry) as Record<string, unknown>,
      },
      serializers: { err: redactError },
      hooks: {
        logMethod(args, method) {
          const redacted = args.map((arg: unknown) => (typeof arg === 'string' ? redactor.redact(arg) : arg));
          return method.apply(this, redacted as Parameters<typeof method>);
        },
      },
    },
    output?.stream ?? destinationFor(settings),
  );
}

/** Standard output, as JSON lines or as lines for a person (pino-pretty, in this process: no worker thread). */
function destinationFor(settings: LogOutputSettings): DestinationStream {
  if (settings.format === 'json') return pino.destination({ dest: 1, sync: true });
  return pinoPretty({
    sync: true,
    translateTime: 'SYS:HH:MM:ss.l',
    // What the message already says; a request line keeps its request id (and error code) beside it.
    ignore: 'pid,hostname,context,method,url,route,status,durationMs,twilio',
    messageFormat: '{if context}[{context}] {end}{msg}',
    singleLine: true,
  });
}

/** No logs at all (tests that print Nest's own console logs, or none). */
export const SILENT_LOG_OUTPUT: LogOutput = { stream: { write: () => undefined }, level: 'silent' };
