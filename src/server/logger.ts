// Application log: JSON lines with request ids, route templates, status and timings. Never names,
// bodies, query strings or identifiers of children: those belong in the audit log only.
import type { Writable } from 'node:stream';
import pino from 'pino';

const options: pino.LoggerOptions = {
  level: process.env.HEARTH_LOG_LEVEL ?? 'info',
  base: undefined,
  // A second line of defence: the request logger already logs only route templates.
  redact: {
    paths: ['req.headers.cookie', 'req.headers.authorization', 'body', 'query', 'params', '*.password', '*.name', '*.forename', '*.surname'],
    censor: '[redacted]',
  },
};

export let logger = pino(options);

/** Sends the log somewhere else (tests read it to prove no personal data reaches it). */
export function redirectLogs(stream: Writable, level = 'info'): void {
  logger = pino({ ...options, level }, stream);
}
