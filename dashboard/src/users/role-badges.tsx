import { Badge, Group } from '@mantine/core';
import type { Role } from '@rewardgraph/api-client';
import { inRoleOrder } from './roles';

// The darkest shades on a white background, so the small text keeps AA contrast.
const COLORS: Record<Role, string> = {
  ADMIN: 'red.9',
  OPERATOR: 'indigo.9',
  AUDITOR: 'teal.9',
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
