import { GraphQLError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { pino } from 'pino';
import { badInput, forbidden } from './errors';
import { createErrorFormatter } from './format-error';

const logger = pino({ level: 'silent' });
const format = (error: unknown, development = false) => {
  const formatted =
    error instanceof GraphQLError
      ? error.toJSON()
      : { message: String(error), extensions: { stacktrace: ['at secret.ts:1'] } };
  return createErrorFormatter(logger, development)(formatted, error);
};

const relayed = (message: string, extensions: Record<string, unknown>) =>
  new GraphQLError(message, { extensions });

describe('error formatter', () => {
  it('when an error carries a code of the contract, then the client sees its message and code', () => {
    expect(format(forbidden('nope'))).toMatchObject({ message: 'nope', extensions: { code: 'FORBIDDEN' } });
  });

  it('when an unexpected error escapes, then its message and stack are masked', () => {
    const shown = format(new Error('connection string mongodb://secret'));
    expect(shown).toEqual({
      message: 'Internal server error',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  it('when in development, then an unexpected error keeps its stack', () => {
    expect(format(new Error('boom'), true).extensions).toHaveProperty('stacktrace');
  });

  it('when class-validator refuses an input, then only field names and constraint messages are shown', () => {
    const refusal = new ArgumentValidationError([
      {
        target: { email: 'a@b.test', password: 'hunter2' },
        value: 'hunter2',
        property: 'password',
        constraints: { isLength: 'password must be longer than or equal to 12 characters' },
        children: [],
      },
    ]);

    const shown = format(refusal);

    expect(shown).toEqual({
      message: 'Invalid input',
      extensions: {
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'password', problems: ['password must be longer than or equal to 12 characters'] }],
      },
    });
    expect(JSON.stringify(shown)).not.toContain('hunter2');
  });

  it('when the gateway relays a subgraph error, then the subgraph is named in development only', () => {
    const error = relayed('id is not a valid id', {
      code: 'BAD_USER_INPUT',
      field: 'id',
      serviceName: 'events',
    });

    expect(format(error).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(format(error, true).extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'id',
      serviceName: 'events',
    });
  });

  it('when an error carries extensions outside the contract, then they are dropped', () => {
    const error = relayed('Invalid input', { code: 'BAD_USER_INPUT', validationErrors: [{ value: 'x' }] });
    expect(format(error).extensions).toEqual({ code: 'BAD_USER_INPUT' });
    expect(format(badInput('bad', 'name')).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'name' });
  });

  it.each([
    [
      'Variable "$i" got invalid value 12345678901 at "i.password"; String cannot represent a non string value: 12345678901',
      'Variable "$i" got an invalid value at "i.password": expected a valid String',
    ],
    [
      'Variable "$f" got invalid value "DRAFTY" at "f.status"; Value "DRAFTY" does not exist in "EventStatus" enum.',
      'Variable "$f" got an invalid value at "f.status": expected a value of the EventStatus enum',
    ],
    [
      'Variable "$n" got invalid value "a; b"; Expected type "Int".',
      'Variable "$n" got an invalid value: expected a valid Int',
    ],
    ['Expected value of type "Int!", found "12345678901".', 'Expected value of type "Int!"'],
    ['String cannot represent a non string value: 12345678901', 'String cannot represent this value'],
    [
      'Value "DRAFTY" does not exist in "EventStatus" enum.',
      'The value does not exist in "EventStatus" enum.',
    ],
  ])('when a message would echo the input (%s), then it does not', (message, safe) => {
    const shown = format(relayed(message, { code: 'BAD_USER_INPUT' }));
    expect(shown.message).toBe(safe);
  });

  it('when a message suggests names of the schema, then the suggestion is shown in development only', () => {
    const error = relayed('Cannot query field "evnts" on type "Query". Did you mean "events" or "event"?', {
      code: 'GRAPHQL_VALIDATION_FAILED',
    });

    expect(format(error).message).toBe('Cannot query field "evnts" on type "Query".');
    expect(format(error, true).message).toContain('Did you mean "events"');
  });
});
