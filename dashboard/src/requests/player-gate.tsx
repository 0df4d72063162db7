import type { ReactNode } from 'react';
import { ErrorNotice, Loading } from '../ui/query-state';
import type { PlayerLookup } from './use-player-lookup';

/**
 * Shows a player's list once the player is known (or for every player when none is
 * asked for). An entry naming nobody shows nothing more: the field says why.
 */
export function PlayerGate({
  lookup,
  children,
}: {
  lookup: PlayerLookup;
  children: (userId: string | undefined) => ReactNode;
}) {
  switch (lookup.state) {
    case 'any':
      return children(undefined);
    case 'found':
      return children(lookup.userId);
    case 'looking':
      return <Loading label="Finding the player…" />;
    case 'failed':
      return <ErrorNotice error={lookup.error} title="Could not find the player" />;
    case 'invalid':
      return null;
  }
}
