import { type Response } from 'express';
import { type Identity } from '@rewardgraph/service-kit';

export interface GatewayContext {
  requestId: string;
  clientIp: string;
  /** The caller's Authorization header, forwarded as is; subgraphs verify it again. */
  authorization?: string;
  identity: Identity | null;
  tokenFailure: Error | null;
  /** The refresh cookie's value, passed to the auth subgraph only. */
  refreshToken?: string;
  /** Where the refresh cookie is set or cleared. */
  res: Response;
}
