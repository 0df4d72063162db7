import { Title } from '@mantine/core';

export function RequestsPage() {
  return (
    <Title order={1} size="h2">
      RequestsPage
    </Title>
  );
}
