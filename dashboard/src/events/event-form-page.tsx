import { Title } from '@mantine/core';

export function CreateEventPage() {
  return (
    <Title order={1} size="h2">
      CreateEventPage
    </Title>
  );
}

export function EditEventPage() {
  return (
    <Title order={1} size="h2">
      EditEventPage
    </Title>
  );
}
