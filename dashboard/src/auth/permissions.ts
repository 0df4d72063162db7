import { Role } from '@rewardgraph/api-client';

/**
 * What each role may do in the dashboard, mirroring the API's @auth rules so a button is
 * shown only to whom the server would allow it. The server still decides: a refused
 * action shows its error.
 */
const RULES = {
  /** Open the dashboard at all: staff. A USER-only account is sent back to sign in. */
  enter: [Role.ADMIN, Role.OPERATOR, Role.AUDITOR],
  'events:write': [Role.ADMIN, Role.OPERATOR],
  'events:delete': [Role.ADMIN],
  'rewards:write': [Role.ADMIN, Role.OPERATOR],
  'rewards:delete': [Role.ADMIN],
  'requests:review': [Role.ADMIN, Role.OPERATOR],
  'users:manage': [Role.ADMIN],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof RULES;

export function can(roles: readonly Role[], action: Action): boolean {
  return (RULES[action] as readonly Role[]).some((role) => roles.includes(role));
}
