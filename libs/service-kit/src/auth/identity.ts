import { type Role } from './role';

/** Who is calling, as proven by a verified access token. */
export interface Identity {
  userId: string;
  roles: Role[];
  /** The session (refresh-token family) the token was issued in. */
  sessionId?: string;
  /** The user's token version when it was issued; a role change raises it. */
  tokenVersion?: number;
}

export const hasAnyRole = (identity: Identity, roles: readonly Role[]) =>
  roles.some((role) => identity.roles.includes(role));
