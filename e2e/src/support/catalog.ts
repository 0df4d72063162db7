import { randomUUID } from 'node:crypto';
import { adminSession, createEvent, login, newUser, type EventInput, type Session } from './fixtures';
import { gql, gqlOk } from './graphql';

export const REQUEST = `mutation ($e: ID!, $r: ID!) { requestReward(eventId: $e, rewardId: $r) { id status reason userId history { status by reason } } }`;
export const KEYED_REQUEST = `mutation ($e: ID!, $r: ID!, $k: String) { requestReward(eventId: $e, rewardId: $r, idempotencyKey: $k) { id status reason userId history { status by reason } } }`;
export const REVIEW = `mutation ($id: ID!, $input: ReviewRewardRequestInput!) { reviewRewardRequest(id: $id, input: $input) { id status reason history { status by at reason } } }`;
export const WALLET = `{ me { wallet { points items { itemId quantity } coupons { couponCode } badges { badgeId } } } }`;

export interface RequestResult {
  id: string;
  status: string;
  reason: string | null;
  userId: string;
  history: { status: string; by: string; reason: string | null }[];
}

export async function createReward(
  token: string,
  input: Record<string, unknown> = { type: 'POINT', points: 100 },
) {
  const { createReward: reward } = await gqlOk<{ createReward: { id: string } }>(
    `mutation ($input: CreateRewardInput!) { createReward(input: $input) { id } }`,
    { input: { name: `reward-${randomUUID()}`, ...input } },
    { token },
  );
  return reward.id;
}

export interface OfferOptions {
  event?: EventInput;
  reward?: Record<string, unknown>;
  condition?: Record<string, unknown>;
  autoResolve?: boolean;
  stock?: number;
  perUserLimit?: number;
}

/** An open event offering one fresh reward, set up by the admin. */
export async function offer(options: OfferOptions = {}) {
  const admin = await adminSession();
  const event = await createEvent(admin.token, options.event);
  const rewardId = await createReward(admin.token, options.reward);
  await gqlOk(
    `mutation ($e: ID!, $input: AddEventRewardInput!) { addEventReward(eventId: $e, input: $input) { id } }`,
    {
      e: event.id,
      input: {
        rewardId,
        condition: options.condition,
        autoResolve: options.autoResolve ?? false,
        stock: options.stock,
        perUserLimit: options.perUserLimit ?? 1,
      },
    },
    { token: admin.token },
  );
  return { admin, eventId: event.id, rewardId };
}

export const requestReward = (token: string, eventId: string, rewardId: string) =>
  gql<{ requestReward: RequestResult }>(REQUEST, { e: eventId, r: rewardId }, { token });

export async function sessionWithRole(
  admin: Session,
  role: 'OPERATOR' | 'AUDITOR' | 'ADMIN',
): Promise<Session> {
  const user = await newUser(role.toLowerCase());
  await gqlOk(
    `mutation ($id: ID!, $roles: [Role!]!) { updateUserRoles(id: $id, roles: $roles) { id } }`,
    { id: user.userId, roles: [role, 'USER'] },
    { token: admin.token },
  );
  return login(user.email, user.password);
}

export const recordActivity = (token: string, input: Record<string, unknown>) =>
  gql<{ recordActivity: boolean }>(
    `mutation ($input: RecordActivityInput!) { recordActivity(input: $input) }`,
    { input },
    { token },
  );
