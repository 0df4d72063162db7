import { type PrettyOptions } from 'pino-pretty';

/**
 * How `LOG_FORMAT=pretty` looks, in a service and in `npm run logs` (scripts/pretty-logs.mjs):
 * one line per entry, `[time] LEVEL: [service] message {fields}`, so the interleaved lines
 * of several services stay apart.
 */
export const prettyOptions: PrettyOptions = {
  singleLine: true,
  translateTime: 'SYS:HH:MM:ss.l',
  ignore: 'pid,hostname,service',
  messageFormat: '[{service}] {msg}',
};
