import { Field, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Reward } from '../rewards/reward.type';
import { type EventRewardRecord } from './event-reward.model';

@ObjectType({ description: 'A reward offered by an event, with its own rules' })
export class EventReward {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  eventId!: string;

  @Field(() => ID)
  rewardId!: string;

  @Field(() => Reward, { nullable: true, description: 'Null if the catalog reward no longer exists' })
  reward?: Reward | null;

  @Field(() => GraphQLJSONObject, { nullable: true })
  condition!: Record<string, unknown> | null;

  @Field()
  autoResolve!: boolean;

  @Field(() => Int, { nullable: true })
  stock!: number | null;

  @Field(() => Int)
  perUserLimit!: number;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;
}

export const toEventReward = (r: EventRewardRecord): EventReward => ({
  id: r._id.toHexString(),
  eventId: r.eventId.toHexString(),
  rewardId: r.rewardId.toHexString(),
  condition: r.condition,
  autoResolve: r.autoResolve,
  stock: r.stock,
  perUserLimit: r.perUserLimit,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});
