import { Group, NativeSelect, TextInput } from '@mantine/core';
import type { Role } from '@rewardgraph/api-client';
import { ROLE_ORDER } from './roles';

const ROLE_OPTIONS = [
  { value: '', label: 'All roles' },
  ...ROLE_ORDER.map((role) => ({ value: role, label: role })),
];

/** Search by part of the email and narrow to one role; the page keeps both in the address. */
export function UserFilters({
  email,
  role,
  onEmailChange,
  onRoleChange,
}: {
  email: string;
  role: Role | '';
  onEmailChange: (email: string) => void;
  onRoleChange: (role: string) => void;
}) {
  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <TextInput
        type="search"
        label="Search by email"
        placeholder="Part of an email"
        value={email}
        onChange={(event) => onEmailChange(event.currentTarget.value)}
        w={{ base: '100%', sm: 320 }}
      />
      <NativeSelect
        label="Role"
        data={ROLE_OPTIONS}
        value={role}
        onChange={(event) => onRoleChange(event.currentTarget.value)}
        w={{ base: '100%', sm: 180 }}
      />
    </Group>
  );
}
