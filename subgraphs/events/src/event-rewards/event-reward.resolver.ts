import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Auth, Role, type ServiceContext } from '@rewardgraph/service-kit';
import { type LoadersFor } from '../loaders';
import { stockLeft } from '../requests/grant.service';
import { type ReviewService } from '../requests/review.service';
import { Reward, toReward } from '../rewards/reward.type';
import { AddEventRewardInput, UpdateEventRewardInput } from './event-reward.input';
import { type EventRewardService } from './event-reward.service';
import { EventReward, toEventReward } from './event-reward.type';

@Resolver(() => EventReward)
export class EventRewardResolver {
  constructor(
    private readonly eventRewardService: EventRewardService,
    private readonly reviews: ReviewService,
    private readonly loaders: LoadersFor,
  ) {}

  @Query(() => [EventReward], {
    description: "The event's rewards and their rules; empty for an event the caller may not see",
  })
  @Auth()
  async eventRewards(
    @Arg('eventId', () => ID) eventId: string,
    @Ctx() { identity }: ServiceContext,
  ): Promise<EventReward[]> {
    return (await this.eventRewardService.listVisible(eventId, identity!)).map(toEventReward);
  }

  @Mutation(() => EventReward)
  @Auth(Role.ADMIN, Role.OPERATOR)
  async addEventReward(
    @Arg('eventId', () => ID) eventId: string,
    @Arg('input') input: AddEventRewardInput,
  ): Promise<EventReward> {
    return toEventReward(await this.eventRewardService.add(eventId, input));
  }

  @Mutation(() => EventReward)
  @Auth(Role.ADMIN, Role.OPERATOR)
  async updateEventReward(
    @Arg('eventId', () => ID) eventId: string,
    @Arg('rewardId', () => ID) rewardId: string,
    @Arg('input') input: UpdateEventRewardInput,
  ): Promise<EventReward> {
    return toEventReward(await this.eventRewardService.update(eventId, rewardId, input));
  }

  @Mutation(() => Boolean, { description: 'Detaches the reward; its PENDING requests are rejected' })
  @Auth(Role.ADMIN, Role.OPERATOR)
  async removeEventReward(
    @Arg('eventId', () => ID) eventId: string,
    @Arg('rewardId', () => ID) rewardId: string,
  ): Promise<boolean> {
    const removed = await this.eventRewardService.remove(eventId, rewardId);
    await this.reviews.rejectAllPending({ eventRewardId: removed._id }, 'REWARD_REMOVED');
    return true;
  }

  @FieldResolver(() => Int, {
    description: 'Requests granted so far (PENDING or APPROVED); a rejection gives its unit back',
  })
  async granted(@Root() eventReward: EventReward, @Ctx() context: ServiceContext): Promise<number> {
    return (await this.loaders(context).grantCounts.load(eventReward.id)).granted;
  }

  @FieldResolver(() => Int, { nullable: true, description: 'What may still be granted; null when unlimited' })
  async stockLeft(@Root() eventReward: EventReward, @Ctx() context: ServiceContext): Promise<number | null> {
    if (eventReward.stock === null) return null;
    return stockLeft(
      eventReward.stock,
      (await this.loaders(context).grantCounts.load(eventReward.id)).slotsTaken,
    );
  }

  @FieldResolver(() => Reward, { nullable: true })
  async reward(@Root() eventReward: EventReward, @Ctx() context: ServiceContext): Promise<Reward | null> {
    const found = await this.loaders(context).reward.load(eventReward.rewardId);
    return found ? (toReward(found) as Reward) : null;
  }
}
