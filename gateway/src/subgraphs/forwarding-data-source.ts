import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { type FetcherResponse } from '@apollo/utils.fetcher';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { Agent } from 'undici';
import {
  ErrorCode,
  GENERATION_HEADER,
  histogramOn,
  secondsSince,
  serviceUnavailable,
  SET_REFRESH_TOKEN_HEADER,
  signForwardedContext,
  type Histogram,
  type RefreshCookieInstruction,
  type Registry,
} from '@rewardgraph/service-kit';
import { type GatewayContext } from '../gateway-context';
import { applyRefreshCookie } from '../sessions/refresh-cookie';
import { subgraphFetcher } from './subgraph-fetcher';

export interface SubgraphEndpoints {
  [name: string]: string;
}

/** The subgraph that owns sessions: only it sees the refresh cookie and may set it. */
const SESSION_SUBGRAPH = 'auth';

/** What SERVICE_UNAVAILABLE tells the client to wait before retrying. */
const RETRY_AFTER_SECONDS = 1;

/** What a balancer answers when the instance it sent the request to gave no answer. */
const BALANCER_GAVE_UP = new Set([502, 503, 504]);

/** How the fetch deadline (AbortSignal.timeout) and undici's own timeouts report themselves. */
const TIMEOUTS = new Set(['TimeoutError', 'AbortError', 'HeadersTimeoutError', 'BodyTimeoutError']);
const isTimeout = (error: unknown): boolean =>
  error instanceof Error &&
  (TIMEOUTS.has(error.name) || (error.cause !== undefined && isTimeout(error.cause)));
const isUnavailable = (error: unknown) =>
  error instanceof GraphQLError && error.extensions.code === ErrorCode.SERVICE_UNAVAILABLE;

/**
 * Sends subgraph requests with the caller's credentials, and the request id, client IP
 * and (to auth) refresh token signed, so each subgraph verifies the caller itself, trusts
 * the forwarded values as the gateway's and logs under the same request id.
 */
export class ForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  name = '';
  ownsSessions = false;
  cookieSecure = true;
  signingSecret = '';
  duration?: Histogram<'subgraph' | 'outcome'>;

  /** Times each fetch of a client's operation (health checks are the probe's business). */
  override async process(
    options: GraphQLDataSourceProcessOptions<GatewayContext>,
  ): ReturnType<RemoteGraphQLDataSource['process']> {
    // Health checks run outside any request, with an empty context.
    if (!options.context?.requestId || !this.duration) {
      return super.process(options);
    }
    const started = performance.now();
    const observe = (outcome: string) =>
      this.duration!.observe({ subgraph: this.name, outcome }, secondsSince(started));
    try {
      const response = await super.process(options);
      observe(response.errors?.length ? 'graphql_error' : 'success');
      return response;
    } catch (error) {
      observe(isUnavailable(error) ? 'unavailable' : 'error');
      throw error;
    }
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    // Health checks run outside any request and carry an empty context: they go unsigned, as direct calls.
    if (!context?.requestId) return;
    const headers = request.http!.headers;
    const forwarded = signForwardedContext(this.signingSecret, {
      requestId: context.requestId,
      clientIp: context.clientIp,
      refreshToken: this.ownsSessions ? context.refreshToken : undefined,
    });
    for (const [name, value] of Object.entries(forwarded)) headers.set(name, value);
    if (context.authorization) headers.set('authorization', context.authorization);
  }

  override didReceiveResponse({
    response,
    context,
  }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['didReceiveResponse']>>[0]) {
    const instruction = response.http?.headers.get(SET_REFRESH_TOKEN_HEADER);
    if (this.ownsSessions && instruction && context.res) {
      applyRefreshCookie(context.res, JSON.parse(instruction) as RefreshCookieInstruction, this.cookieSecure);
    }
    if (context.subgraphAnswers) {
      context.subgraphAnswers.fetches += 1;
      const generation = response.http?.headers.get(GENERATION_HEADER);
      if (generation) context.subgraphAnswers.generations.push(generation);
    }
    return response;
  }

  /**
   * A subgraph that did not answer (refused the connection, or gave no answer within the
   * deadline: hung, overloaded) is SERVICE_UNAVAILABLE, which tells the client to retry,
   * instead of an internal error; the rest of the operation is answered without it.
   */
  override didEncounterError(error: Error, _request: unknown, response: FetcherResponse | undefined): never {
    if (!response || isTimeout(error)) throw serviceUnavailable(RETRY_AFTER_SECONDS);
    throw error;
  }

  /**
   * A subgraph answers some refusals (variables it cannot coerce) with HTTP 400 and a
   * coded GraphQL error. Relay that error's message and code, and never the response
   * details the default puts in `extensions` (they name the subgraph's URL). A 502, 503
   * or 504 without one comes from a balancer in front of the subgraph's instances: the
   * instance it chose died or hung with the request, which is SERVICE_UNAVAILABLE like a
   * refused connection (a mutation retried with its idempotency key is safe).
   */
  override async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    const body = (await this.parseBody(response).catch(() => null)) as {
      errors?: GraphQLFormattedError[];
    } | null;
    const relayed = body?.errors?.find((e) => typeof e.extensions?.code === 'string');
    if (relayed) return new GraphQLError(relayed.message, { extensions: { code: relayed.extensions!.code } });
    if (BALANCER_GAVE_UP.has(response.status)) return serviceUnavailable(RETRY_AFTER_SECONDS);
    return new GraphQLError(`Subgraph answered HTTP ${response.status}`);
  }
}

export interface DataSourceOptions {
  endpoints: SubgraphEndpoints;
  /** The longest wait for a subgraph's whole answer, connection included. */
  timeoutMs: number;
  maxSockets: number;
  cookieSecure: boolean;
  signingSecret: string;
  metrics: Registry;
}

/** One data source per subgraph; URLs come from config, not from the supergraph file. */
export function createDataSourceFactory({
  endpoints,
  timeoutMs,
  maxSockets,
  cookieSecure,
  signingSecret,
  metrics,
}: DataSourceOptions) {
  // undici: kept-alive connections up to `maxSockets` per subgraph, no retries (a retried
  // mutation could run twice), and no answer slower than `timeoutMs` from the start of the
  // fetch: a hung subgraph accepts connections (the kernel does) but never answers.
  const agent = new Agent({ connections: maxSockets, headersTimeout: timeoutMs, bodyTimeout: timeoutMs });
  const fetcher = subgraphFetcher(agent, timeoutMs);
  const duration = histogramOn(metrics, {
    name: 'gateway_subgraph_request_duration_seconds',
    help: "The gateway's fetches from subgraphs, by subgraph and outcome (success, graphql_error, unavailable, error)",
    labelNames: ['subgraph', 'outcome'],
  });
  return ({ name, url }: { name: string; url?: string }) =>
    Object.assign(new ForwardingDataSource({ url: endpoints[name] ?? url, fetcher }), {
      name,
      ownsSessions: name === SESSION_SUBGRAPH,
      cookieSecure,
      signingSecret,
      duration,
    });
}
