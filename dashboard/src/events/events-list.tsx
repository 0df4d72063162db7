import { EventsDocument, type EventFilter, type EventOrder } from '@rewardgraph/api-client';
import { useMemo } from 'react';
import { useQuery } from 'urql';
import { Pager } from '../ui/pager';
import { QueryState } from '../ui/query-state';
import { useCursorPages } from '../ui/use-cursor-pages';
import { EventsTable } from './events-table';

const PAGE_SIZE = 20;

/**
 * The events matching a filter and order, page by page. The page mounts it keyed on
 * the filter and order, so changing either starts again at page 1.
 */
export function EventsList({ filter, orderBy }: { filter: EventFilter; orderBy: EventOrder }) {
  const pages = useCursorPages();
  // A new or deleted event refetches the list even when this page showed none.
  const context = useMemo(() => ({ additionalTypenames: ['Event'] }), []);
  const [result, refetch] = useQuery({
    query: EventsDocument,
    variables: { first: PAGE_SIZE, after: pages.after, filter, orderBy },
    context,
  });
  const filtered = filter.status !== undefined || filter.search !== undefined;

  return (
    <QueryState
      result={result}
      onRetry={() => refetch({ requestPolicy: 'network-only' })}
      isEmpty={(data) => data.events.nodes.length === 0}
      empty={filtered ? 'No events match these filters.' : 'No events yet.'}
    >
      {({ events }) => (
        <>
          <EventsTable events={events.nodes} />
          <Pager pages={pages} totalCount={events.totalCount} pageInfo={events.pageInfo} />
        </>
      )}
    </QueryState>
  );
}
