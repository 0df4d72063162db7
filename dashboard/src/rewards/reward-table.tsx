import { ActionIcon, Group, Table } from '@mantine/core';
import { RewardsDocument, type RewardFieldsFragment, type RewardType } from '@rewardgraph/api-client';
import { IconPencil } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useQuery } from 'urql';
import { useCan } from '../auth/can';
import { formatDateTime } from '../ui/format';
import { Pager } from '../ui/pager';
import { QueryState } from '../ui/query-state';
import { useCursorPages } from '../ui/use-cursor-pages';
import { DeleteRewardButton } from './delete-reward-button';
import { REWARD_TYPENAMES, rewardDetails } from './reward-kinds';
import { RewardTypeBadge } from './reward-type-badge';

const PAGE_SIZE = 20;

/** One page of the catalog (of one type, if given), newest first, with the viewer's actions. */
export function RewardTable({
  type,
  onEdit,
}: {
  type?: RewardType;
  onEdit: (reward: RewardFieldsFragment) => void;
}) {
  const pages = useCursorPages();
  const canWrite = useCan('rewards:write');
  const canDelete = useCan('rewards:delete');
  const context = useMemo(() => ({ additionalTypenames: REWARD_TYPENAMES }), []);
  const [result, reexecute] = useQuery({
    query: RewardsDocument,
    variables: { first: PAGE_SIZE, after: pages.after, filter: type ? { type } : undefined },
    context,
  });

  return (
    <QueryState
      result={result}
      isEmpty={(data) => data.rewards.nodes.length === 0}
      empty={type ? 'No reward of this type yet.' : 'The catalog is empty.'}
      onRetry={() => reexecute({ requestPolicy: 'network-only' })}
    >
      {({ rewards }) => (
        <>
          <Table.ScrollContainer minWidth={720}>
            <Table aria-label="Reward catalog" striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Type</Table.Th>
                  <Table.Th>Details</Table.Th>
                  <Table.Th>Updated</Table.Th>
                  {(canWrite || canDelete) && <Table.Th>Actions</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rewards.nodes.map((reward) => (
                  <Table.Tr key={reward.id}>
                    <Table.Td>{reward.name}</Table.Td>
                    <Table.Td>
                      <RewardTypeBadge type={reward.type} />
                    </Table.Td>
                    <Table.Td>{rewardDetails(reward)}</Table.Td>
                    <Table.Td>{formatDateTime(reward.updatedAt)}</Table.Td>
                    {(canWrite || canDelete) && (
                      <Table.Td>
                        <Group gap={4} wrap="nowrap">
                          {canWrite && (
                            <ActionIcon
                              variant="subtle"
                              aria-label={`Edit ${reward.name}`}
                              onClick={() => onEdit(reward)}
                            >
                              <IconPencil size={18} aria-hidden />
                            </ActionIcon>
                          )}
                          {canDelete && <DeleteRewardButton reward={reward} />}
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Pager pages={pages} totalCount={rewards.totalCount} pageInfo={rewards.pageInfo} />
        </>
      )}
    </QueryState>
  );
}
