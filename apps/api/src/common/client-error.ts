import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import type { ErrorBody } from './error-body';
import { codeForStatus } from './http-status-codes';
import { REQUEST_ID_HEADER } from './request-id';

/** What Node's HTTP parser refuses, by its error code, and how Node itself would answer (its default `clientError`). */
const REFUSALS: Record<string, { status: number; reason: string; message: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    reason: 'Request Header Fields Too Large',
    message: 'The request line and headers are larger than this server reads (16 kB).',
  },
  HPE_CHUNK_EXTENSIONS_OVERFLOW: { status: 413, reason: 'Payload Too Large', message: 'The chunk extensions of the request body are too large.' },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, reason: 'Request Timeout', message: 'The request did not arrive in time.' },
};
const NOT_HTTP = { status: 400, reason: 'Bad Request', message: 'The request is not valid HTTP/1.1.' };

/**
 * Requests Node's HTTP parser refuses before any middleware runs (a URL and headers over 16 kB, a malformed request
 * line or header) answer in the one error shape too, with a request id, instead of Node's bare status line. There
 * is no request object yet: the answer is written on the socket, which is then closed, as Node does.
 */
export function answerClientErrorsInErrorShape(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    // A connection the client dropped has nobody to answer; an answer already under way must not be cut into (Node's
    // own handler asks the same of the socket's in-flight response). Earlier answers on a kept-alive connection are
    // no reason to keep quiet.
    const inFlight = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
      socket.destroy();
      return;
    }
    const refusal = REFUSALS[error.code ?? ''] ?? NOT_HTTP;
    const requestId = randomUUID();
    const body: ErrorBody = { error: { status: refusal.status, code: codeForStatus(refusal.status), message: refusal.message, requestId } };
    const payload = JSON.stringify(body);
    socket.end(
      [
        `HTTP/1.1 ${refusal.status} ${refusal.reason}`,
        'Content-Type: application/json; charset=utf-8',
        `Content-Length: ${Buffer.byteLength(payload)}`,
        `${REQUEST_ID_HEADER}: ${requestId}`,
        'Connection: close',
        '',
        payload,
      ].join('\r\n'),
    );
  });
}
