import { Paper, SimpleGrid, Text } from '@mantine/core';
import type { AnalyticsQuery } from '@rewardgraph/api-client';

const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });

/** The user figures that are one number each, as a description list. */
export function StatCards({ users }: { users: AnalyticsQuery['userAnalytics'] }) {
  const stats = [
    { label: 'New users', value: users.newUsers.toLocaleString(), hint: 'Signed up in the range' },
    {
      label: 'Total users',
      value: users.totalUsers.toLocaleString(),
      hint: 'Signed up by the end of the range',
    },
    {
      label: 'Active users',
      value: users.activeUsers.toLocaleString(),
      hint: 'Signed in or recorded activity',
    },
    { label: 'Participants', value: users.participants.toLocaleString(), hint: 'Requested a reward' },
    {
      label: 'Participation rate',
      value: percent.format(users.participationRate),
      hint: 'Participants ÷ total users',
    },
  ];
  return (
    <SimpleGrid component="dl" cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm" m={0}>
      {stats.map(({ label, value, hint }) => (
        <Paper key={label} withBorder p="md" radius="md">
          <Text component="dt" size="sm" fw={600}>
            {label}
          </Text>
          <Text component="dd" m={0} size="xl" fw={700} data-testid={`stat-${label}`}>
            {value}
          </Text>
          <Text component="dd" m={0} size="xs">
            {hint}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
