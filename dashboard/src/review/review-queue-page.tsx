import { Title } from '@mantine/core';

export function ReviewQueuePage() {
  return (
    <Title order={1} size="h2">
      ReviewQueuePage
    </Title>
  );
}
