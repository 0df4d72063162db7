import { Text } from '@mantine/core';
import { RewardRequestWalletDocument } from '@rewardgraph/api-client';
import { useMemo } from 'react';
import { useQuery } from 'urql';
import { QueryState } from '../ui/query-state';
import { isEmptyWallet, WalletContents } from '../wallet/wallet-contents';

/**
 * What has been paid out to the player of a request, read through the request (staff
 * may read the wallet of a user they reach; `user(id)` is for an ADMIN only).
 */
export function PlayerWallet({ requestId }: { requestId: string }) {
  // A review pays out: refetch with the requests.
  const context = useMemo(() => ({ additionalTypenames: ['RewardRequest'] }), []);
  const [result, reexecute] = useQuery({
    query: RewardRequestWalletDocument,
    variables: { id: requestId },
    context,
  });
  return (
    <QueryState
      result={result}
      isEmpty={(data) => !data.rewardRequest}
      empty="The request is gone."
      onRetry={() => reexecute({ requestPolicy: 'network-only' })}
    >
      {(data) => {
        const wallet = data.rewardRequest?.user.wallet;
        if (!wallet) return null;
        return isEmptyWallet(wallet) ? (
          <Text size="sm">Nothing has been paid out to this player yet.</Text>
        ) : (
          <WalletContents wallet={wallet} />
        );
      }}
    </QueryState>
  );
}
