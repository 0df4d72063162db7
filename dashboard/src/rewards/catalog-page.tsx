import { Button, Group, Select, Stack, Title } from '@mantine/core';
import type { RewardFieldsFragment } from '@rewardgraph/api-client';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Can } from '../auth/can';
import { useUrlFilters } from '../ui/use-url-filters';
import { RewardFormModal } from './reward-form-modal';
import { isRewardType, REWARD_TYPES, TYPE_LABEL } from './reward-kinds';
import { RewardTable } from './reward-table';

const FILTERS = ['type'] as const;
const TYPE_OPTIONS = REWARD_TYPES.map((type) => ({ value: type, label: TYPE_LABEL[type] }));

/** What the form is open for: a new reward, or the one being edited. */
type Editing = { reward?: RewardFieldsFragment } | null;

/** The reward catalog: filtered by type (in the address), created and edited by who may. */
export function CatalogPage() {
  const [filters, setFilters] = useUrlFilters(FILTERS);
  const type = isRewardType(filters.type) ? filters.type : undefined;
  const [editing, setEditing] = useState<Editing>(null);

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={1} size="h2">
          Reward catalog
        </Title>
        <Can action="rewards:write">
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing({})}>
            New reward
          </Button>
        </Can>
      </Group>
      <Select
        label="Type"
        placeholder="All types"
        data={TYPE_OPTIONS}
        value={type ?? null}
        onChange={(value) => setFilters({ type: value })}
        clearable
        w={{ base: '100%', sm: 220 }}
      />
      {/* A new filter starts again from the first page. */}
      <RewardTable key={type ?? 'all'} type={type} onEdit={(reward) => setEditing({ reward })} />
      {editing && <RewardFormModal reward={editing.reward} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
