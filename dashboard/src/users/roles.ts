import { Role } from '@rewardgraph/api-client';

/** The roles from the most to the least powerful, the order they are listed and sent in. */
export const ROLE_ORDER: readonly Role[] = [Role.ADMIN, Role.OPERATOR, Role.AUDITOR, Role.USER];

/** What each role may do, as docs/api.md puts it, so an ADMIN grants knowingly. */
export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  ADMIN: 'Everything, including users and roles, deleting events and catalog rewards',
  OPERATOR: 'Manages events, the reward catalog and event rewards; reviews requests',
  AUDITOR: 'Reads events, rewards, requests and analytics; changes nothing',
  USER: 'A player: sees active events, requests rewards, has a wallet',
};

export const isRole = (value: string): value is Role => (ROLE_ORDER as readonly string[]).includes(value);

/** The given roles without repeats, in ROLE_ORDER. */
export const inRoleOrder = (roles: readonly Role[]): Role[] =>
  ROLE_ORDER.filter((role) => roles.includes(role));
