import { TextInput } from '@mantine/core';
import { useState } from 'react';
import { useCan } from '../auth/can';
import type { PlayerLookup } from './use-player-lookup';

/**
 * The player of a search, typed and applied with Enter or on leaving the field (one
 * look-up per entry, not per keystroke). Mount it with `key={value}` so a change of the
 * address shows here too.
 */
export function PlayerFilter({
  value,
  lookup,
  onApply,
}: {
  value: string;
  lookup: PlayerLookup;
  onApply: (player: string) => void;
}) {
  const [draft, setDraft] = useState(value);
  const maySearchUsers = useCan('users:manage');
  const apply = () => {
    if (draft.trim() !== value) onApply(draft.trim());
  };

  return (
    <TextInput
      label="Player"
      description={maySearchUsers ? 'Email or player id; press Enter' : 'Player id; press Enter'}
      placeholder={maySearchUsers ? 'player@example.com' : '24-character id'}
      value={draft}
      onChange={(event) => setDraft(event.currentTarget.value)}
      onBlur={apply}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          apply();
        }
      }}
      error={lookup.state === 'invalid' ? lookup.message : undefined}
    />
  );
}
