import { Badge, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { WalletFieldsFragment } from '@rewardgraph/api-client';
import { useId } from 'react';
import { formatDate } from '../ui/format';

export type Wallet = WalletFieldsFragment;

export const isEmptyWallet = (wallet: Wallet) =>
  wallet.points === 0 && !wallet.items.length && !wallet.coupons.length && !wallet.badges.length;

/** A wallet's points, items, coupons and badges, each part with its heading. */
export function WalletContents({ wallet }: { wallet: Wallet }) {
  const id = useId();
  return (
    <Stack gap="lg">
      <div>
        <Text size="sm">Points</Text>
        <Text size="xl" fw={700} data-testid="wallet-points">
          {wallet.points.toLocaleString()}
        </Text>
      </div>
      <section aria-labelledby={`${id}-items`}>
        <Title order={3} size="h5" id={`${id}-items`} mb="xs">
          Items
        </Title>
        {wallet.items.length ? (
          <Table aria-labelledby={`${id}-items`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Item</Table.Th>
                <Table.Th ta="right">Quantity</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {wallet.items.map((item) => (
                <Table.Tr key={item.itemId}>
                  <Table.Td>{item.itemId}</Table.Td>
                  <Table.Td ta="right">{item.quantity.toLocaleString()}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : (
          <Text size="sm">No items.</Text>
        )}
      </section>
      <section aria-labelledby={`${id}-coupons`}>
        <Title order={3} size="h5" id={`${id}-coupons`} mb="xs">
          Coupons
        </Title>
        {wallet.coupons.length ? (
          <Table aria-labelledby={`${id}-coupons`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Code</Table.Th>
                <Table.Th>Expires</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {wallet.coupons.map((coupon) => (
                <Table.Tr key={coupon.couponCode}>
                  <Table.Td ff="monospace">{coupon.couponCode}</Table.Td>
                  <Table.Td>{formatDate(coupon.expiry)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : (
          <Text size="sm">No coupons.</Text>
        )}
      </section>
      <section aria-labelledby={`${id}-badges`}>
        <Title order={3} size="h5" id={`${id}-badges`} mb="xs">
          Badges
        </Title>
        {wallet.badges.length ? (
          <Group gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {wallet.badges.map((badge) => (
              <li key={badge.badgeId}>
                <Badge variant="outline" color="gray">
                  {badge.badgeId}
                </Badge>
              </li>
            ))}
          </Group>
        ) : (
          <Text size="sm">No badges.</Text>
        )}
      </section>
    </Stack>
  );
}
