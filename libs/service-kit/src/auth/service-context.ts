import { type Logger } from 'pino';
import { type Caller } from './caller';

/** The GraphQL context of every subgraph request. */
export interface ServiceContext extends Caller {
  requestId: string;
  /** The gateway's client address when it signed the request, else the caller's socket address. */
  clientIp: string;
  /** The request came from the gateway (its forwarded context is signed). */
  fromGateway: boolean;
  logger: Logger;
  /** The HTTP exchange, for the few resolvers that speak through headers (sessions). */
  http: {
    header(name: string): string | undefined;
    setHeader(name: string, value: string): void;
  };
}
