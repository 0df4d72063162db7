import { Title } from '@mantine/core';

export function EventDetailPage() {
  return (
    <Title order={1} size="h2">
      EventDetailPage
    </Title>
  );
}
