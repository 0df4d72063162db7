import { type Logger } from 'pino';
import { type Caller } from './caller';

/** The GraphQL context of every subgraph request. */
export interface ServiceContext extends Caller {
  requestId: string;
  clientIp: string;
  logger: Logger;
  /** The HTTP exchange, for the few resolvers that speak through headers (sessions). */
  http: {
    header(name: string): string | undefined;
    setHeader(name: string, value: string): void;
  };
}
