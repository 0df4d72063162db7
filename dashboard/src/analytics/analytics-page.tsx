import { Title } from '@mantine/core';

export function AnalyticsPage() {
  return (
    <Title order={1} size="h2">
      AnalyticsPage
    </Title>
  );
}
