import { Button, Group, Text } from '@mantine/core';
import type { useCursorPages } from './use-cursor-pages';

/** Previous / next under a list, with where the viewer is ("page 2 · 57 in all"). */
export function Pager({
  pages,
  totalCount,
  pageInfo,
}: {
  pages: ReturnType<typeof useCursorPages>;
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}) {
  return (
    <Group justify="space-between" mt="sm">
      <Text size="sm" c="dimmed">
        Page {pages.page} · {totalCount.toLocaleString()} in all
      </Text>
      <Group gap="xs">
        <Button variant="default" size="xs" disabled={!pages.hasPrevious} onClick={pages.previous}>
          Previous
        </Button>
        <Button
          variant="default"
          size="xs"
          disabled={!pageInfo.hasNextPage}
          onClick={() => pages.next(pageInfo.endCursor)}
        >
          Next
        </Button>
      </Group>
    </Group>
  );
}
