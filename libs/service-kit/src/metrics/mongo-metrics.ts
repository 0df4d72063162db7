import { type Connection } from 'mongoose';
import { type CommandFailedEvent, type CommandSucceededEvent } from 'mongodb';
import { type Registry } from 'prom-client';
import { histogramOn } from './metric-on';

/** The driver's command names; anything else (none today) is folded, to keep the label bounded. */
const COMMAND = /^[a-zA-Z]{1,32}$/;

/**
 * `mongodb_command_duration_seconds{database, command, outcome}` from the driver's
 * command monitoring (the connection must be opened with `monitorCommands: true`):
 * the time from sending a command to its answer, as the service waits for it.
 */
export function instrumentMongo(connection: Connection, database: string, registry: Registry): void {
  const duration = histogramOn(registry, {
    name: 'mongodb_command_duration_seconds',
    help: 'MongoDB commands from sending to the answer, by database (user-db, event-db), command and outcome',
    labelNames: ['database', 'command', 'outcome'],
  });
  const observe = (outcome: string) => (event: CommandSucceededEvent | CommandFailedEvent) =>
    duration.observe(
      { database, command: COMMAND.test(event.commandName) ? event.commandName : 'other', outcome },
      event.duration / 1000,
    );
  const client = connection.getClient();
  client.on('commandSucceeded', observe('success'));
  client.on('commandFailed', observe('error'));
}
