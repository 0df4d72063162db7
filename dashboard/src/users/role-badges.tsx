import { Badge, Group } from '@mantine/core';
import type { Role } from '@rewardgraph/api-client';
import { inRoleOrder } from './roles';

// Dark shades, so the small text keeps AA contrast (4.5:1) on white and on a hovered
// row's gray-1 as well (teal.9 fell just short there, at 4.47:1).
const COLORS: Record<Role, string> = {
  ADMIN: 'red.9',
  OPERATOR: 'indigo.9',
  AUDITOR: 'cyan.9',
  USER: 'gray.8',
};

export function RoleBadges({ roles }: { roles: readonly Role[] }) {
  return (
    <Group gap={4} wrap="wrap">
      {inRoleOrder(roles).map((role) => (
        <Badge key={role} color={COLORS[role]} variant="outline" size="sm">
          {role}
        </Badge>
      ))}
    </Group>
  );
}
