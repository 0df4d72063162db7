import { randomUUID } from 'node:crypto';
import { stack } from './env';
import { gqlOk } from './graphql';

export interface Session {
  userId: string;
  email: string;
  password: string;
  token: string;
}

export const uniqueEmail = (label = 'user') => `${label}-${randomUUID()}@e2e.rewardgraph.test`;

const LOGIN = `mutation Login($input: LoginInput!) { login(input: $input) { accessToken user { id email roles } } }`;

export async function login(email: string, password: string): Promise<Session> {
  const { login: payload } = await gqlOk<{ login: { accessToken: string; user: { id: string } } }>(LOGIN, {
    input: { email, password },
  });
  return { userId: payload.user.id, email, password, token: payload.accessToken };
}

/** A new USER, signed in: every test gets its own, so tests never share state. */
export async function newUser(label = 'user'): Promise<Session> {
  const email = uniqueEmail(label);
  const password = `pw-${randomUUID()}`;
  await gqlOk(`mutation ($input: SignUpInput!) { signUp(input: $input) { id } }`, {
    input: { email, password },
  });
  return login(email, password);
}

export const adminSession = () => login(stack().adminEmail, stack().adminPassword);

export interface EventInput {
  name?: string;
  periodStart?: string;
  periodEnd?: string;
  status?: 'DRAFT' | 'ACTIVE' | 'INACTIVE';
  condition?: Record<string, unknown> | null;
}

const DAY = 86_400_000;

/** An event open now unless told otherwise, with a unique name. */
export async function createEvent(token: string, input: EventInput = {}) {
  const { createEvent: event } = await gqlOk<{ createEvent: { id: string; name: string; isOpen: boolean } }>(
    `mutation ($input: CreateEventInput!) { createEvent(input: $input) { id name isOpen } }`,
    {
      input: {
        name: `event-${randomUUID()}`,
        periodStart: new Date(Date.now() - DAY).toISOString(),
        periodEnd: new Date(Date.now() + 7 * DAY).toISOString(),
        status: 'ACTIVE',
        ...input,
      },
    },
    { token },
  );
  return event;
}
