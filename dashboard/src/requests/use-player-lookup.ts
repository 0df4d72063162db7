import { PlayerByEmailDocument } from '@rewardgraph/api-client';
import { useQuery } from 'urql';
import { useCan } from '../auth/can';

const OBJECT_ID = /^[0-9a-f]{24}$/i;

/** Where finding the player of a filter stands. */
export type PlayerLookup =
  | { state: 'any' }
  | { state: 'looking' }
  | { state: 'found'; userId: string }
  /** The entry cannot name a player: shown on the field. */
  | { state: 'invalid'; message: string }
  | { state: 'failed'; error: unknown };

/**
 * The player a filter names: an id as typed, or (for an ADMIN, the only role that may
 * look users up) the user with that exact email. Other staff filter by the player's id,
 * which every request shows.
 */
export function usePlayerLookup(entry: string): PlayerLookup {
  const value = entry.trim();
  const isId = OBJECT_ID.test(value);
  // Looking users up is part of managing them: an ADMIN's right (docs/api.md, "Who sees whom").
  const maySearchUsers = useCan('users:manage');
  const byEmail = value !== '' && !isId && maySearchUsers;
  const [result] = useQuery({
    query: PlayerByEmailDocument,
    variables: { email: value },
    pause: !byEmail,
    requestPolicy: 'cache-first',
  });

  if (value === '') return { state: 'any' };
  if (isId) return { state: 'found', userId: value.toLowerCase() };
  if (!maySearchUsers) {
    return {
      state: 'invalid',
      message: "Enter the player's id (24 characters 0–9, a–f); only an ADMIN can look players up by email",
    };
  }
  // Until the answer for this very email is in, an earlier one may still be shown.
  if (result.operation?.variables.email !== value || (!result.data && !result.error))
    return { state: 'looking' };
  if (result.error) return { state: 'failed', error: result.error };
  const player = result.data?.userByEmail;
  return player
    ? { state: 'found', userId: player.id }
    : { state: 'invalid', message: 'No user has this email' };
}
