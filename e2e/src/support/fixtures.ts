import { randomUUID } from 'node:crypto';
import {
  CreateEventDocument,
  LoginDocument,
  SignUpDocument,
  type CreateEventInput,
} from '@rewardgraph/api-client';
import { stack } from './env';
import { gqlOk, type CallOptions } from './graphql';

export interface Session {
  userId: string;
  email: string;
  password: string;
  token: string;
}

export const uniqueEmail = (label = 'user') => `${label}-${randomUUID()}@e2e.rewardgraph.test`;

export async function login(email: string, password: string): Promise<Session> {
  const { login: payload } = await gqlOk(LoginDocument, { input: { email, password } });
  return { userId: payload.user.id, email, password, token: payload.accessToken };
}

/** A new USER, signed in: every test gets its own, so tests never share state. */
export async function newUser(label = 'user'): Promise<Session> {
  const email = uniqueEmail(label);
  const password = `pw-${randomUUID()}`;
  await gqlOk(SignUpDocument, { input: { email, password } });
  return login(email, password);
}

export const adminSession = () => login(stack().adminEmail, stack().adminPassword);

export type EventInput = Partial<CreateEventInput>;

const DAY = 86_400_000;

/** An event open now unless told otherwise, with a unique name; through the stack's gateway unless `via` names another. */
export async function createEvent(token: string, input: EventInput = {}, via: Pick<CallOptions, 'url'> = {}) {
  const { createEvent: event } = await gqlOk(
    CreateEventDocument,
    {
      input: {
        name: `event-${randomUUID()}`,
        periodStart: new Date(Date.now() - DAY).toISOString(),
        periodEnd: new Date(Date.now() + 7 * DAY).toISOString(),
        status: 'ACTIVE',
        ...input,
      },
    },
    { token, ...via },
  );
  return event;
}
