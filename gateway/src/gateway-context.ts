import { type Response } from 'express';
import { type Caller } from '@rewardgraph/service-kit';

export interface GatewayContext extends Caller {
  requestId: string;
  clientIp: string;
  /** The caller's Authorization header, forwarded as is; subgraphs verify it again. */
  authorization?: string;
  /** The refresh cookie's value, passed to the auth subgraph only. */
  refreshToken?: string;
  /** Where the refresh cookie is set or cleared. */
  res: Response;
  /** What the subgraphs answered, for the response cache: how many, and the versions they reported. */
  subgraphAnswers: { fetches: number; generations: string[] };
}
