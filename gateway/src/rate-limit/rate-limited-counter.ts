import { counterOn, type Counter, type Registry } from '@rewardgraph/service-kit';

export type GatewayLimit = 'per_user' | 'per_ip' | 'load_shedding';

/**
 * `gateway_rate_limited_total{limit}`: requests the gateway turned away before GraphQL
 * (429 over a client's ceiling, 503 while shedding load). Every limit starts at 0.
 */
export function rateLimitedCounter(registry: Registry): Counter<'limit'> {
  const refused = counterOn(registry, {
    name: 'gateway_rate_limited_total',
    help: 'Requests refused with RATE_LIMITED before GraphQL, by limit (per_user, per_ip, load_shedding)',
    labelNames: ['limit'],
  });
  for (const limit of ['per_user', 'per_ip', 'load_shedding'] satisfies GatewayLimit[])
    refused.inc({ limit }, 0);
  return refused;
}
