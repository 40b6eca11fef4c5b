// Application log: JSON lines with request ids, route templates, status and timings. Never names,
// bodies, query strings or identifiers of children: those belong in the audit log only.
import pino from 'pino';

export const logger = pino({
  level: process.env.HEARTH_LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
  base: undefined,
  redact: {
    paths: ['req.headers.cookie', 'req.headers.authorization', 'body', 'query', 'params', '*.password', '*.name', '*.forename', '*.surname'],
    censor: '[redacted]',
  },
});
