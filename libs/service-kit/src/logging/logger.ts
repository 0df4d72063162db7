import { pino, type Logger } from 'pino';
import { requestScope } from './request-context';

export type { Logger };

export interface LoggerOptions {
  service: string;
  level: string;
}

/** JSON logs; each line inside a request carries its request id (see requestScope). */
export function createLogger({ service, level }: LoggerOptions): Logger {
  return pino({
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin: () => {
      const scope = requestScope.getStore();
      return scope ? { requestId: scope.requestId } : {};
    },
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', '*.password'],
      censor: '[redacted]',
    },
  });
}
