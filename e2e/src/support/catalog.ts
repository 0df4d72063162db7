import { randomUUID } from 'node:crypto';
import {
  AddEventRewardDocument,
  CreateRewardDocument,
  RecordActivityDocument,
  RequestRewardDocument,
  UpdateUserRolesDocument,
  type AddEventRewardInput,
  type CreateRewardInput,
  type RecordActivityInput,
} from '@rewardgraph/api-client';
import { adminSession, createEvent, login, newUser, type EventInput, type Session } from './fixtures';
import { gql, gqlOk } from './graphql';

/** A catalog reward; its name is unique unless given. */
export type RewardInput = Omit<CreateRewardInput, 'name'> & { name?: string };

export async function createReward(token: string, input: RewardInput = { type: 'POINT', points: 100 }) {
  const { createReward: reward } = await gqlOk(
    CreateRewardDocument,
    { input: { name: `reward-${randomUUID()}`, ...input } },
    { token },
  );
  return reward.id;
}

export interface OfferOptions {
  event?: EventInput;
  reward?: RewardInput;
  condition?: AddEventRewardInput['condition'];
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
    AddEventRewardDocument,
    {
      eventId: event.id,
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
  gql(RequestRewardDocument, { eventId, rewardId }, { token });

export async function sessionWithRole(
  admin: Session,
  role: 'OPERATOR' | 'AUDITOR' | 'ADMIN',
): Promise<Session> {
  const user = await newUser(role.toLowerCase());
  await gqlOk(UpdateUserRolesDocument, { id: user.userId, roles: [role, 'USER'] }, { token: admin.token });
  return login(user.email, user.password);
}

export const recordActivity = (token: string, input: RecordActivityInput) =>
  gql(RecordActivityDocument, { input }, { token });
