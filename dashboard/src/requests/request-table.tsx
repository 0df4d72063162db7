import { Anchor, Table } from '@mantine/core';
import {
  RewardRequestsDocument,
  type RewardRequestFilter,
  type RewardRequestOrder,
} from '@rewardgraph/api-client';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { formatDateTime } from '../ui/format';
import { Pager } from '../ui/pager';
import { QueryState } from '../ui/query-state';
import { useCursorPages } from '../ui/use-cursor-pages';
import { RequestStatusBadge } from './request-status-badge';

const PAGE_SIZE = 20;

/**
 * One page of the requests a search finds. Mount it with a key of the search: a cursor
 * belongs to its order, so a new search starts from the first page.
 */
export function RequestTable({
  filter,
  orderBy,
}: {
  filter: RewardRequestFilter;
  orderBy: RewardRequestOrder;
}) {
  const pages = useCursorPages();
  const context = useMemo(() => ({ additionalTypenames: ['RewardRequest'] }), []);
  const [result, reexecute] = useQuery({
    query: RewardRequestsDocument,
    variables: { first: PAGE_SIZE, after: pages.after, orderBy, filter },
    context,
  });

  return (
    <QueryState
      result={result}
      isEmpty={(data) => data.rewardRequests.nodes.length === 0}
      empty="No request matches this search."
      onRetry={() => reexecute({ requestPolicy: 'network-only' })}
    >
      {({ rewardRequests }) => (
        <>
          <Table.ScrollContainer minWidth={860}>
            <Table aria-label="Reward requests" striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Requested</Table.Th>
                  <Table.Th>Player</Table.Th>
                  <Table.Th>Event</Table.Th>
                  <Table.Th>Reward</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Last change</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rewardRequests.nodes.map((request) => (
                  <Table.Tr key={request.id}>
                    <Table.Td>
                      <Anchor
                        component={Link}
                        to={`/requests/${request.id}`}
                        aria-label={`${formatDateTime(request.createdAt)} · request by ${request.user.email} for ${request.reward?.name ?? 'a deleted reward'}`}
                      >
                        {formatDateTime(request.createdAt)}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{request.user.email}</Table.Td>
                    <Table.Td>{request.event?.name ?? 'Deleted event'}</Table.Td>
                    <Table.Td>{request.reward?.name ?? 'Deleted reward'}</Table.Td>
                    <Table.Td>
                      <RequestStatusBadge status={request.status} />
                    </Table.Td>
                    <Table.Td>{formatDateTime(request.updatedAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Pager pages={pages} totalCount={rewardRequests.totalCount} pageInfo={rewardRequests.pageInfo} />
        </>
      )}
    </QueryState>
  );
}
