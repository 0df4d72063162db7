import { authExchange } from '@urql/exchange-auth';
import { Client, cacheExchange, fetchExchange, type CombinedError } from 'urql';
import type { SessionStore } from '../session/session-store';

const unauthenticated = (error: CombinedError) =>
  error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');

/**
 * The GraphQL client of one signed-in session (a new one per session, so nothing cached
 * for one viewer is shown to the next). Every operation carries the access token; an
 * UNAUTHENTICATED answer renews it once through the store's single-flight refresh and
 * retries, and a failed renewal ends the session.
 */
export function createGraphqlClient(session: SessionStore): Client {
  return new Client({
    url: session.graphqlUrl,
    fetchOptions: { credentials: 'include' },
    // POST with a JSON body: the gateway's CSRF prevention refuses simple GET requests,
    // and tokens or filters never end up in URLs and their logs.
    preferGetMethod: false,
    // Lists show what is on the server now, and what was there a moment ago meanwhile.
    requestPolicy: 'cache-and-network',
    exchanges: [
      cacheExchange,
      authExchange(async (utils) => ({
        addAuthToOperation(operation) {
          const token = session.accessToken();
          return token ? utils.appendHeaders(operation, { authorization: `Bearer ${token}` }) : operation;
        },
        willAuthError: () => session.needsRenewal(),
        didAuthError: unauthenticated,
        async refreshAuth() {
          await session.refresh();
        },
      })),
      fetchExchange,
    ],
  });
}
