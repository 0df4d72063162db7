import { Alert, Button, Center, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Navigate, useLocation } from 'react-router';
import { apiProblem } from '../graphql/api-error';
import { useSession, useSessionStore } from '../session/session-context';

export function SignInPage() {
  const store = useSessionStore();
  const session = useSession();
  const location = useLocation();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);

  if (session.status === 'signed-in') {
    const from = (location.state as { from?: string } | null)?.from ?? '/';
    return <Navigate to={from} replace />;
  }

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setProblem(undefined);
    try {
      await store.signIn(String(form.get('email')), String(form.get('password')));
    } catch (error) {
      const { message, code } = apiProblem(error);
      setProblem(code === 'UNAUTHENTICATED' ? 'Wrong email or password.' : message);
    } finally {
      setBusy(false);
    }
  };

  const notice = problem ?? (session.status === 'signed-out' ? session.notice : undefined);
  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" radius="md" w={380}>
        <form onSubmit={(event) => void submit(event)} aria-label="Sign in">
          <Stack>
            <Title order={1} size="h3">
              RewardGraph dashboard
            </Title>
            {notice && (
              <Alert color="red" role="alert">
                {notice}
              </Alert>
            )}
            <TextInput name="email" type="email" label="Email" autoComplete="username" required autoFocus />
            <PasswordInput name="password" label="Password" autoComplete="current-password" required />
            <Button type="submit" loading={busy}>
              Sign in
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
