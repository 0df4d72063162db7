import { Stack } from '@mantine/core';
import {
  OrderDirection,
  RequestStatus,
  RewardRequestOrderField,
  RewardRequestsDocument,
  type ReviewedRequestFragment,
} from '@rewardgraph/api-client';
import { useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { Pager } from '../ui/pager';
import { QueryState } from '../ui/query-state';
import { useCursorPages } from '../ui/use-cursor-pages';
import { ReviewCard } from './review-card';

const PAGE_SIZE = 10;
const OLDEST_FIRST = { field: RewardRequestOrderField.CREATED_AT, direction: OrderDirection.ASC };

/** A request someone else reviewed meanwhile: kept on its page, with the notice, until dismissed. */
interface Held {
  page: number;
  request: ReviewedRequestFragment;
}

/** The fresh queue with the held requests in their place (the queue is oldest first). */
function withHeld(nodes: ReviewedRequestFragment[], held: ReviewedRequestFragment[]) {
  const fresh = new Set(nodes.map((node) => node.id));
  return [...nodes, ...held.filter((request) => !fresh.has(request.id))].sort((a, b) =>
    a.createdAt.localeCompare(b.createdAt),
  );
}

/**
 * The PENDING requests (of one player, if given), oldest first. A decision takes its
 * request out (the answer refetches the queue); a CONFLICT refreshes the queue but keeps
 * that request shown with the server's notice, so the reviewer sees what happened.
 */
export function ReviewQueueList({ userId }: { userId?: string }) {
  const pages = useCursorPages();
  const [held, setHeld] = useState<Held[]>([]);
  const context = useMemo(() => ({ additionalTypenames: ['RewardRequest'] }), []);
  const [result, reexecute] = useQuery({
    query: RewardRequestsDocument,
    variables: {
      first: PAGE_SIZE,
      after: pages.after,
      orderBy: OLDEST_FIRST,
      filter: { status: RequestStatus.PENDING, userId },
    },
    context,
  });
  const heldHere = held.filter((entry) => entry.page === pages.page).map((entry) => entry.request);

  const hold = (request: ReviewedRequestFragment) => {
    setHeld((current) => [...current, { page: pages.page, request }]);
    reexecute({ requestPolicy: 'network-only' });
  };
  const release = (id: string) => setHeld((current) => current.filter((entry) => entry.request.id !== id));

  return (
    <QueryState
      result={result}
      isEmpty={(data) => data.rewardRequests.nodes.length === 0 && heldHere.length === 0}
      empty="No requests are waiting for review."
      onRetry={() => reexecute({ requestPolicy: 'network-only' })}
    >
      {({ rewardRequests }) => (
        <>
          <Stack gap="md" aria-label="Requests waiting for review" role="list">
            {withHeld(rewardRequests.nodes, heldHere).map((request) => (
              <div role="listitem" key={request.id}>
                <ReviewCard
                  request={request}
                  onConflict={() => hold(request)}
                  onDismiss={() => release(request.id)}
                />
              </div>
            ))}
          </Stack>
          <Pager pages={pages} totalCount={rewardRequests.totalCount} pageInfo={rewardRequests.pageInfo} />
        </>
      )}
    </QueryState>
  );
}
