import { counterOn, type Counter, type Registry } from '@rewardgraph/service-kit';

export type LoginOutcome = 'success' | 'failed';

/**
 * `auth_logins_total{outcome}`: logins that succeeded, and those refused for a wrong
 * email or password (a rise is someone guessing; refusals by the rate limits are
 * `graphql_errors_total{code="RATE_LIMITED"}`). Both start at 0.
 */
export function loginAttempts(registry: Registry): Counter<'outcome'> {
  const logins = counterOn(registry, {
    name: 'auth_logins_total',
    help: 'Login attempts that reached the password check, by outcome (success, failed)',
    labelNames: ['outcome'],
  });
  for (const outcome of ['success', 'failed'] satisfies LoginOutcome[]) logins.inc({ outcome }, 0);
  return logins;
}
