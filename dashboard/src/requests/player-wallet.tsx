import { List, SimpleGrid, Stack, Text } from '@mantine/core';
import { RewardRequestWalletDocument } from '@rewardgraph/api-client';
import { useMemo, type ReactNode } from 'react';
import { useQuery } from 'urql';
import { formatDateTime } from '../ui/format';
import { QueryState } from '../ui/query-state';

function Holding({ title, count, children }: { title: string; count: number; children: ReactNode }) {
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {title}
      </Text>
      {count === 0 ? <Text size="sm">None</Text> : <List size="sm">{children}</List>}
    </Stack>
  );
}

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
        return (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} aria-label="Wallet">
            <Stack gap={4}>
              <Text size="sm" fw={600}>
                Points
              </Text>
              <Text size="lg" fw={700}>
                {wallet.points.toLocaleString()}
              </Text>
            </Stack>
            <Holding title="Items" count={wallet.items.length}>
              {wallet.items.map((item) => (
                <List.Item key={item.itemId}>
                  {item.itemId} × {item.quantity.toLocaleString()}
                </List.Item>
              ))}
            </Holding>
            <Holding title="Coupons" count={wallet.coupons.length}>
              {wallet.coupons.map((coupon) => (
                <List.Item key={`${coupon.couponCode}-${coupon.expiry}`}>
                  {coupon.couponCode} · expires {formatDateTime(coupon.expiry)}
                </List.Item>
              ))}
            </Holding>
            <Holding title="Badges" count={wallet.badges.length}>
              {wallet.badges.map((badge) => (
                <List.Item key={badge.badgeId}>{badge.badgeId}</List.Item>
              ))}
            </Holding>
          </SimpleGrid>
        );
      }}
    </QueryState>
  );
}
