import { type Redis } from 'ioredis';
import { type Registry } from 'prom-client';
import { histogramOn, secondsSince } from './metric-on';

/** Commands that wait on purpose (a consumer's XREADGROUP BLOCK): their time is not latency. */
const BLOCKING = new Set([
  'blpop',
  'brpop',
  'blmove',
  'brpoplpush',
  'blmpop',
  'bzpopmin',
  'bzpopmax',
  'bzmpop',
  'wait',
]);
const blocks = (name: string, args: unknown[]) =>
  BLOCKING.has(name) ||
  ((name === 'xread' || name === 'xreadgroup') && args.some((a) => String(a).toUpperCase() === 'BLOCK'));

const COMMAND = /^[a-z][a-z0-9_.|-]{0,31}$/;

interface SentCommand {
  name: string;
  args: unknown[];
  promise: Promise<unknown>;
}

const timed = Symbol('timed');

/**
 * `redis_command_duration_seconds{client, command, outcome}`: each command from the
 * moment the client writes it (or queues it while reconnecting) to its reply. ioredis
 * has no command events, so the client's `sendCommand` is wrapped: auto-pipelined
 * commands pass through it too, one by one. A command sent again after a reconnect is
 * timed once, from its first send.
 */
export function instrumentRedis(redis: Redis, client: string, registry: Registry): void {
  const duration = histogramOn(registry, {
    name: 'redis_command_duration_seconds',
    help: 'Redis commands from sending to the reply, by client (data, bus, secure, cache), command and outcome',
    labelNames: ['client', 'command', 'outcome'],
  });
  const send = redis.sendCommand.bind(redis) as (...args: unknown[]) => Promise<unknown>;
  redis.sendCommand = ((command: SentCommand & { [timed]?: true }, ...rest: unknown[]) => {
    if (!command[timed] && !blocks(command.name, command.args)) {
      command[timed] = true;
      const started = performance.now();
      const labels = (outcome: string) => ({
        client,
        command: COMMAND.test(command.name) ? command.name : 'other',
        outcome,
      });
      command.promise.then(
        () => duration.observe(labels('success'), secondsSince(started)),
        () => duration.observe(labels('error'), secondsSince(started)),
      );
    }
    return send(command, ...rest);
  }) as Redis['sendCommand'];
}
