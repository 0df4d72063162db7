import { Badge, Button, Group, Table } from '@mantine/core';
import type { EventRewardFieldsFragment } from '@rewardgraph/api-client';
import { conditionText } from '../conditions/condition-text';
import { formatCount } from '../ui/format';
import { rewardKind } from './reward-label';

/** The rewards an event offers, with what was granted and what is left; row actions only when given. */
export function EventRewardsTable({
  rewards,
  onEdit,
  onRemove,
}: {
  rewards: EventRewardFieldsFragment[];
  onEdit?: (eventReward: EventRewardFieldsFragment) => void;
  onRemove?: (eventReward: EventRewardFieldsFragment) => void;
}) {
  const withActions = onEdit !== undefined || onRemove !== undefined;
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table aria-label="Event rewards" striped verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Reward</Table.Th>
            <Table.Th>Type</Table.Th>
            <Table.Th>Condition</Table.Th>
            <Table.Th>Auto-resolve</Table.Th>
            <Table.Th ta="right">Per-user limit</Table.Th>
            <Table.Th ta="right">Stock</Table.Th>
            <Table.Th ta="right">Granted</Table.Th>
            <Table.Th ta="right">Stock left</Table.Th>
            {withActions && <Table.Th>Actions</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rewards.map((eventReward) => {
            const name = eventReward.reward?.name ?? 'Deleted reward';
            return (
              <Table.Tr key={eventReward.id}>
                <Table.Td fw={500}>{name}</Table.Td>
                <Table.Td>{eventReward.reward ? rewardKind(eventReward.reward) : '—'}</Table.Td>
                <Table.Td>{conditionText(eventReward.condition)}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={eventReward.autoResolve ? 'teal' : 'gray'}>
                    {eventReward.autoResolve ? 'Yes' : 'No'}
                  </Badge>
                </Table.Td>
                <Table.Td ta="right">{formatCount(eventReward.perUserLimit)}</Table.Td>
                <Table.Td ta="right">{formatCount(eventReward.stock)}</Table.Td>
                <Table.Td ta="right">{formatCount(eventReward.granted)}</Table.Td>
                <Table.Td ta="right">{formatCount(eventReward.stockLeft)}</Table.Td>
                {withActions && (
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      {onEdit && (
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => onEdit(eventReward)}
                          aria-label={`Edit ${name}`}
                        >
                          Edit
                        </Button>
                      )}
                      {onRemove && (
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          onClick={() => onRemove(eventReward)}
                          aria-label={`Remove ${name}`}
                        >
                          Remove
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
