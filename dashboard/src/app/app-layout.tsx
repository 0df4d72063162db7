import { AppShell, Badge, Burger, Button, Group, NavLink, ScrollArea, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense } from 'react';
import { NavLink as RouterLink, Outlet, useLocation } from 'react-router';
import { can, type Action } from '../auth/permissions';
import { useSessionStore, useViewer } from '../session/session-context';
import { Loading } from '../ui/query-state';

interface Section {
  to: string;
  label: string;
  /** Shown only to viewers allowed to do this; everyone on staff otherwise. */
  needs?: Action;
}

const SECTIONS: Section[] = [
  { to: '/events', label: 'Events' },
  { to: '/rewards', label: 'Reward catalog' },
  { to: '/review', label: 'Review queue' },
  { to: '/requests', label: 'Requests' },
  { to: '/users', label: 'Users & roles', needs: 'users:manage' },
  { to: '/analytics', label: 'Analytics' },
];

/** The frame of every signed-in page: navigation by role, who is signed in, sign-out. */
export function AppLayout() {
  const viewer = useViewer();
  const store = useSessionStore();
  const location = useLocation();
  const [opened, { toggle, close }] = useDisclosure();
  const sections = SECTIONS.filter((section) => !section.needs || can(viewer.roles, section.needs));

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'md', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="md"
              size="sm"
              aria-label="Toggle navigation"
            />
            <Title order={2} size="h4">
              RewardGraph
            </Title>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <Text size="sm" data-testid="viewer-email" visibleFrom="sm">
              {viewer.email}
            </Text>
            {viewer.roles.map((role) => (
              <Badge key={role} variant="light" size="sm">
                {role}
              </Badge>
            ))}
            <Button variant="default" size="xs" onClick={() => void store.signOut()}>
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Sections">
        <ScrollArea>
          {sections.map((section) => (
            <NavLink
              key={section.to}
              component={RouterLink}
              to={section.to}
              label={section.label}
              active={location.pathname.startsWith(section.to)}
              onClick={close}
            />
          ))}
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
