import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { apiProblem } from '../graphql/api-error';

/** The server's refusal or failure, in its own words and code. */
export function ErrorNotice({
  error,
  onRetry,
  title = 'Something went wrong',
}: {
  error: unknown;
  onRetry?: () => void;
  title?: string;
}) {
  const problem = apiProblem(error);
  return (
    <Alert color="red" title={title} role="alert">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">
          {problem.message}
          {problem.code ? ` (${problem.code})` : ''}
        </Text>
        {onRetry && (
          <Button size="xs" variant="light" color="red" onClick={onRetry}>
            Try again
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Loader size="sm" aria-hidden />
      <Text ml="sm" c="dimmed" size="sm">
        {label}
      </Text>
    </Center>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return (
    <Center py="xl">
      <Text c="dimmed" size="sm">
        {children}
      </Text>
    </Center>
  );
}

/**
 * The three states of a query in one place: loading until the first answer, the error
 * when there is no data to show, the empty message when the list is empty.
 */
export function QueryState<T>({
  result,
  isEmpty,
  empty,
  onRetry,
  children,
}: {
  result: { data?: T; fetching: boolean; error?: unknown };
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  onRetry?: () => void;
  children: (data: T) => ReactNode;
}) {
  if (result.data === undefined || result.data === null) {
    if (result.error) return <ErrorNotice error={result.error} onRetry={onRetry} />;
    return <Loading />;
  }
  return (
    <>
      {result.error && <ErrorNotice error={result.error} onRetry={onRetry} title="Could not refresh" />}
      {isEmpty?.(result.data) ? <Empty>{empty ?? 'Nothing here yet.'}</Empty> : children(result.data)}
    </>
  );
}
