import { Drawer } from '@mantine/core';
import { UserWalletDocument } from '@rewardgraph/api-client';
import { useQuery } from 'urql';
import { Empty, QueryState } from '../ui/query-state';
import { isEmptyWallet, WalletContents } from '../wallet/wallet-contents';

/** "Wallet": what has been paid out to one user, beside the list. */
export function UserWalletDrawer({
  user,
  onClose,
}: {
  user: { id: string; email: string } | null;
  onClose: () => void;
}) {
  return (
    <Drawer
      opened={user !== null}
      onClose={onClose}
      position="right"
      size="md"
      title={user ? `Wallet of ${user.email}` : 'Wallet'}
    >
      {user && <WalletOf userId={user.id} email={user.email} />}
    </Drawer>
  );
}

function WalletOf({ userId, email }: { userId: string; email: string }) {
  const [result, reexecute] = useQuery({ query: UserWalletDocument, variables: { id: userId } });
  return (
    <QueryState result={result} onRetry={() => reexecute({ requestPolicy: 'network-only' })}>
      {({ user }) =>
        !user ? (
          <Empty>This user no longer exists.</Empty>
        ) : isEmptyWallet(user.wallet) ? (
          <Empty>Nothing has been paid out to {email} yet.</Empty>
        ) : (
          <WalletContents wallet={user.wallet} />
        )
      }
    </QueryState>
  );
}
