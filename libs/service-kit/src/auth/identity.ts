import { type Role } from './role';

/** Who is calling, as proven by a verified access token. */
export interface Identity {
  userId: string;
  roles: Role[];
  sessionId?: string;
}

export const hasAnyRole = (identity: Identity, roles: readonly Role[]) =>
  roles.some((role) => identity.roles.includes(role));
