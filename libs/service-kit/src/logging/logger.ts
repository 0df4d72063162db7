import { pino, type DestinationStream, type Logger } from 'pino';
import { PinoPretty } from 'pino-pretty';
import { type LogFormat } from './log-format';
import { prettyOptions } from './pretty-options';
import { requestScope } from './request-context';

export type { Logger };

export interface LoggerOptions {
  service: string;
  level: string;
  format: LogFormat;
}

/** Synchronous, so nothing is lost when a service exits, and in this process, so no worker thread. */
const prettyStream = (): DestinationStream => PinoPretty({ ...prettyOptions, sync: true });

/** Logs of one service; each line inside a request carries its request id (see requestScope). */
export function createLogger({ service, level, format }: LoggerOptions): Logger {
  const options = {
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
  };
  return format === 'pretty' ? pino(options, prettyStream()) : pino(options);
}
