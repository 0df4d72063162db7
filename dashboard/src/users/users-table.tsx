import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { formatDate } from '../ui/format';
import { RoleBadges } from './role-badges';
import type { UserRow } from './user-row';

/** Users with their roles; per user, "Edit roles" and "Wallet". */
export function UsersTable({
  users,
  viewerId,
  onEditRoles,
  onOpenWallet,
}: {
  users: UserRow[];
  viewerId: string;
  onEditRoles: (user: UserRow) => void;
  onOpenWallet: (user: UserRow) => void;
}) {
  return (
    <Table.ScrollContainer minWidth={680}>
      <Table aria-label="Users" verticalSpacing="xs" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Email</Table.Th>
            <Table.Th>Roles</Table.Th>
            <Table.Th>Created</Table.Th>
            <Table.Th>Actions</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <Table.Tr key={user.id}>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Text size="sm">{user.email}</Text>
                  {user.id === viewerId && (
                    <Badge size="xs" variant="outline" color="gray">
                      you
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>
                <RoleBadges roles={user.roles} />
              </Table.Td>
              <Table.Td>{formatDate(user.createdAt)}</Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Button
                    size="xs"
                    variant="light"
                    aria-label={`Edit roles of ${user.email}`}
                    onClick={() => onEditRoles(user)}
                  >
                    Edit roles
                  </Button>
                  <Button
                    size="xs"
                    variant="default"
                    aria-label={`Wallet of ${user.email}`}
                    onClick={() => onOpenWallet(user)}
                  >
                    Wallet
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
