import { GraphQLError } from 'graphql';
import { pino } from 'pino';
import { forbidden } from './errors';
import { createErrorFormatter } from './format-error';

const logger = pino({ level: 'silent' });
const format = (error: unknown, exposeStack = false) => {
  const formatted =
    error instanceof GraphQLError
      ? error.toJSON()
      : { message: String(error), extensions: { stacktrace: ['at secret.ts:1'] } };
  return createErrorFormatter(logger, exposeStack)(formatted, error);
};

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

  it('when stacks are exposed (development), then an unexpected error keeps its stack', () => {
    expect(format(new Error('boom'), true).extensions).toHaveProperty('stacktrace');
  });
});
