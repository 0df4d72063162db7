import { type Identity } from '@rewardgraph/service-kit';

export interface GatewayContext {
  requestId: string;
  clientIp: string;
  /** The caller's Authorization header, forwarded as is; subgraphs verify it again. */
  authorization?: string;
  identity: Identity | null;
  tokenFailure: Error | null;
}
