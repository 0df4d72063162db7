import { Title } from '@mantine/core';

export function CatalogPage() {
  return (
    <Title order={1} size="h2">
      CatalogPage
    </Title>
  );
}
