import { Anchor, Stack, Title } from '@mantine/core';
import { RewardRequestDetailDocument } from '@rewardgraph/api-client';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { QueryState } from '../ui/query-state';
import { RequestDetails } from './request-details';

/** One reward request in full, with the review controls while it is PENDING. */
export function RequestPage() {
  const { id = '' } = useParams();
  const context = useMemo(() => ({ additionalTypenames: ['RewardRequest'] }), []);
  const [result, reexecute] = useQuery({ query: RewardRequestDetailDocument, variables: { id }, context });
  const refresh = () => reexecute({ requestPolicy: 'network-only' });

  return (
    <Stack>
      <Anchor component={Link} to="/requests" size="sm">
        ← All requests
      </Anchor>
      <Title order={1} size="h2">
        Reward request
      </Title>
      <QueryState
        result={result}
        isEmpty={(data) => !data.rewardRequest}
        empty="No request has this id."
        onRetry={refresh}
      >
        {({ rewardRequest }) =>
          rewardRequest && <RequestDetails request={rewardRequest} onConflict={refresh} />
        }
      </QueryState>
    </Stack>
  );
}
