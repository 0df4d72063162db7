import { Button, Center, Stack, Text } from '@mantine/core';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession, useSessionStore } from '../session/session-context';
import { Loading } from '../ui/query-state';
import { can } from './permissions';

/** The pages behind it need a signed-in staff member; the session is restored first. */
export function RequireSession() {
  const session = useSession();
  const store = useSessionStore();
  const location = useLocation();

  if (session.status === 'restoring') return <Loading label="Restoring your session…" />;
  if (session.status === 'signed-out') {
    return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
  }
  if (!can(session.viewer.roles, 'enter')) {
    return (
      <Center mih="100vh" component="main">
        <Stack align="center">
          <Text>
            {session.viewer.email} has no staff role: the dashboard is for admins, operators and auditors.
          </Text>
          <Button onClick={() => void store.signOut()}>Sign out</Button>
        </Stack>
      </Center>
    );
  }
  return <Outlet />;
}
