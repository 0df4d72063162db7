import { type Logger } from 'pino';
import { type Identity } from './identity';
import { type InvalidTokenError } from './access-token';

/** The GraphQL context of every subgraph request. */
export interface ServiceContext {
  requestId: string;
  /** Null for anonymous callers and for callers whose token failed verification. */
  identity: Identity | null;
  /** Why a presented token was refused; guarded fields report it as UNAUTHENTICATED. */
  tokenFailure: InvalidTokenError | null;
  clientIp: string;
  logger: Logger;
  /** The HTTP exchange, for the few resolvers that speak through headers (sessions). */
  http: {
    header(name: string): string | undefined;
    setHeader(name: string, value: string): void;
  };
}
