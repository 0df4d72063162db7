import { Title } from '@mantine/core';

export function EventsPage() {
  return (
    <Title order={1} size="h2">
      EventsPage
    </Title>
  );
}
