import { Title } from '@mantine/core';

export function RequestPage() {
  return (
    <Title order={1} size="h2">
      RequestPage
    </Title>
  );
}
