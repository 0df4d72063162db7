import { Alert, Stack, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { UsersDocument } from '@rewardgraph/api-client';
import { useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { Can } from '../auth/can';
import { useSessionStore, useViewer } from '../session/session-context';
import { notifyDone } from '../ui/notify';
import { Pager } from '../ui/pager';
import { QueryState } from '../ui/query-state';
import { useCursorPages } from '../ui/use-cursor-pages';
import { useUrlFilters } from '../ui/use-url-filters';
import { RoleEditorModal, type SavedUser } from './role-editor-modal';
import { isRole } from './roles';
import { UserFilters } from './user-filters';
import type { UserRow } from './user-row';
import { UserWalletDrawer } from './user-wallet-drawer';
import { UsersTable } from './users-table';

const FILTERS = ['email', 'role'] as const;
const PAGE_SIZE = 20;

export function UsersPage() {
  return (
    <Stack>
      <Title order={1} size="h2">
        Users & roles
      </Title>
      <Can
        action="users:manage"
        otherwise={
          <Alert color="yellow" title="Not available">
            Only an ADMIN manages users.
          </Alert>
        }
      >
        <UsersDirectory />
      </Can>
    </Stack>
  );
}

/** The users list with its filters, the role editor and the wallet drawer (ADMIN only). */
function UsersDirectory() {
  const viewer = useViewer();
  const store = useSessionStore();
  const [filters, setFilters] = useUrlFilters(FILTERS);
  const role = isRole(filters.role) ? filters.role : '';
  // One request once typing pauses, not one per keystroke.
  const [email] = useDebouncedValue(filters.email.trim(), 300);
  const pages = useCursorPages();
  const [editing, setEditing] = useState<UserRow | null>(null);
  const [walletOf, setWalletOf] = useState<UserRow | null>(null);

  const context = useMemo(() => ({ additionalTypenames: ['User'] }), []);
  const [result, reexecute] = useQuery({
    query: UsersDocument,
    variables: {
      first: PAGE_SIZE,
      after: pages.after,
      filter: { email: email || undefined, role: role || undefined },
    },
    context,
  });

  const saved = (user: SavedUser) => {
    setEditing(null);
    // The API has just ended every session of this user, this one included.
    if (user.id === viewer.id) store.expire('Your roles changed. Sign in again.');
    else notifyDone(`Roles of ${user.email} saved: ${user.roles.join(', ')}.`);
  };

  return (
    <>
      <UserFilters
        email={filters.email}
        role={role}
        onEmailChange={(value) => {
          pages.reset();
          setFilters({ email: value });
        }}
        onRoleChange={(value) => {
          pages.reset();
          setFilters({ role: value });
        }}
      />
      <QueryState
        result={result}
        onRetry={() => reexecute({ requestPolicy: 'network-only' })}
        isEmpty={(data) => data.users.nodes.length === 0}
        empty={email || role ? 'No user matches these filters.' : 'No users yet.'}
      >
        {({ users }) => (
          <>
            <UsersTable
              users={users.nodes}
              viewerId={viewer.id}
              onEditRoles={setEditing}
              onOpenWallet={setWalletOf}
            />
            <Pager pages={pages} totalCount={users.totalCount} pageInfo={users.pageInfo} />
          </>
        )}
      </QueryState>
      <RoleEditorModal
        user={editing}
        isSelf={editing?.id === viewer.id}
        onClose={() => setEditing(null)}
        onSaved={saved}
      />
      <UserWalletDrawer user={walletOf} onClose={() => setWalletOf(null)} />
    </>
  );
}
