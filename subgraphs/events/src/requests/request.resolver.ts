import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Auth, PageArgs, RateLimit, Role, type ServiceContext } from '@rewardgraph/service-kit';
import { Event, toEvent } from '../events/event.type';
import { type LoadersFor } from '../loaders';
import { User } from '../users/user.type';
import { Reward, toReward } from '../rewards/reward.type';
import { Eligibility } from './eligibility.type';
import { type RequestRewardService } from './request-reward.service';
import { RewardRequestOrder, requestSortOrder } from './request-order';
import { ReviewRewardRequestInput, RewardRequestFilter } from './request.input';
import { type RequestService } from './request.service';
import { RewardRequest, RewardRequestConnection, toRewardRequest } from './request.type';
import { type ReviewService } from './review.service';
import { STATUS_OF_DECISION } from './review-decision';
import { typedRule } from '../conditions/condition-input';

@Resolver(() => RewardRequest)
export class RequestResolver {
  constructor(
    private readonly requestService: RequestService,
    private readonly rewarding: RequestRewardService,
    private readonly reviews: ReviewService,
    private readonly loaders: LoadersFor,
  ) {}

  @Mutation(() => RewardRequest, {
    description:
      'Asks for a reward of an open event; the answer says what was decided. The same user and idempotencyKey always get the first request back, also while it is being decided (status RECEIVED).',
  })
  @Auth()
  @RateLimit(60, '1m')
  async requestReward(
    @Arg('eventId', () => ID) eventId: string,
    @Arg('rewardId', () => ID) rewardId: string,
    @Arg('idempotencyKey', () => String, {
      nullable: true,
      description: '1–100 characters chosen by the client; send the same one when retrying',
    })
    idempotencyKey: string | null | undefined,
    @Ctx() { identity }: ServiceContext,
  ): Promise<RewardRequest> {
    return toRewardRequest(await this.rewarding.request(eventId, rewardId, identity!, idempotencyKey));
  }

  @Query(() => Eligibility, { description: 'Would a request succeed now, rule by rule; writes nothing' })
  @Auth()
  @RateLimit(120, '1m')
  async eligibility(
    @Arg('eventId', () => ID) eventId: string,
    @Arg('rewardId', () => ID) rewardId: string,
    @Ctx() { identity }: ServiceContext,
  ): Promise<Eligibility> {
    const result = await this.rewarding.eligibility(eventId, rewardId, identity!);
    const rules = result.rules.map((rule) => ({ ...rule, ...typedRule(rule.metric, rule.comparison) }));
    return { ...result, conditionMet: result.met, rules };
  }

  @Query(() => RewardRequestConnection, { description: "The caller's requests, in orderBy" })
  @Auth()
  async myRewardRequests(
    @Arg('filter', () => RewardRequestFilter, { nullable: true }) filter: RewardRequestFilter | undefined,
    @Arg('orderBy', () => RewardRequestOrder, { nullable: true, description: 'Newest first when absent' })
    orderBy: RewardRequestOrder | undefined,
    @Args() page: PageArgs,
    @Ctx() { identity }: ServiceContext,
  ): Promise<RewardRequestConnection> {
    const order = requestSortOrder(orderBy);
    const result = await this.requestService.listForUser(identity!.userId, identity!, page, filter, order);
    return { ...result, nodes: result.nodes.map(toRewardRequest) };
  }

  @Query(() => RewardRequestConnection, { description: 'All requests, in orderBy' })
  @Auth(Role.ADMIN, Role.OPERATOR, Role.AUDITOR)
  async rewardRequests(
    @Arg('filter', () => RewardRequestFilter, { nullable: true }) filter: RewardRequestFilter | undefined,
    @Arg('orderBy', () => RewardRequestOrder, { nullable: true, description: 'Newest first when absent' })
    orderBy: RewardRequestOrder | undefined,
    @Args() page: PageArgs,
  ): Promise<RewardRequestConnection> {
    const result = await this.requestService.list(filter, page, requestSortOrder(orderBy));
    return { ...result, nodes: result.nodes.map(toRewardRequest) };
  }

  @Query(() => RewardRequest, { nullable: true, description: 'Owners see their own; staff see any' })
  @Auth()
  async rewardRequest(
    @Arg('id', () => ID) id: string,
    @Ctx() { identity }: ServiceContext,
  ): Promise<RewardRequest | null> {
    const found = await this.requestService.findVisible(id, identity!);
    return found ? toRewardRequest(found) : null;
  }

  @Mutation(() => RewardRequest, {
    description: 'Approves (pays out) or rejects (frees stock) a PENDING request',
  })
  @Auth(Role.ADMIN, Role.OPERATOR)
  async reviewRewardRequest(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: ReviewRewardRequestInput,
    @Ctx() { identity }: ServiceContext,
  ): Promise<RewardRequest> {
    const status = STATUS_OF_DECISION[input.status];
    return toRewardRequest(await this.reviews.review(id, status, input.reason ?? null, identity!));
  }

  @FieldResolver(() => Event, { nullable: true })
  async event(@Root() request: RewardRequest, @Ctx() context: ServiceContext): Promise<Event | null> {
    const found = await this.loaders(context).event.load(request.eventId);
    return found ? toEvent(found) : null;
  }

  @FieldResolver(() => Reward, { nullable: true })
  async reward(@Root() request: RewardRequest, @Ctx() context: ServiceContext): Promise<Reward | null> {
    const found = await this.loaders(context).reward.load(request.rewardId);
    return found ? (toReward(found) as Reward) : null;
  }

  @FieldResolver(() => User, { description: 'Who asked; staff see anyone, a player only themself' })
  user(@Root() request: RewardRequest): User {
    return { id: request.userId };
  }
}
