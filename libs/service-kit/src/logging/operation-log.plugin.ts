import { type ApolloServerPlugin } from '@apollo/server';
import { type Logger } from 'pino';

/** One log line per GraphQL operation: name, duration and how many errors it returned. */
export function operationLogPlugin(logger: Logger): ApolloServerPlugin {
  return {
    async requestDidStart({ request }) {
      const started = performance.now();
      return {
        async willSendResponse({ errors, operationName }) {
          logger.info(
            {
              operation: operationName ?? request.operationName ?? null,
              durationMs: Math.round(performance.now() - started),
              errors: errors?.length ?? 0,
            },
            'graphql operation',
          );
        },
      };
    },
  };
}
