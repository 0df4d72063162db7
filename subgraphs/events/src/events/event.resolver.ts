import { type GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  Auth,
  CacheControl,
  PageArgs,
  restrictCacheAge,
  Role,
  type ResponseGeneration,
  type ServiceContext,
} from '@rewardgraph/service-kit';
import { type EventRewardService } from '../event-rewards/event-reward.service';
import { EventReward, toEventReward } from '../event-rewards/event-reward.type';
import { type LoadersFor } from '../loaders';
import { type ReviewService } from '../requests/review.service';
import { EventOrder } from './event-order';
import { isEventVisibleTo } from './event-visibility';
import { CreateEventInput, EventFilter, UpdateEventInput } from './event.input';
import { type EventService } from './event.service';
import { secondsUntilOpenChanges } from './event.model';
import { Event, EventConnection, toEvent } from './event.type';

/** How long the gateway may keep a whole answer of event reads; writes outdate it sooner. */
const EVENT_READS_MAX_AGE_SECONDS = 60;

@Resolver(() => Event)
export class EventResolver {
  constructor(
    private readonly eventService: EventService,
    private readonly eventRewards: EventRewardService,
    private readonly reviews: ReviewService,
    private readonly loaders: LoadersFor,
    private readonly generation: ResponseGeneration,
  ) {}

  @Mutation(() => Event)
  @Auth(Role.ADMIN, Role.OPERATOR)
  async createEvent(
    @Arg('input') input: CreateEventInput,
    @Ctx() { identity }: ServiceContext,
  ): Promise<Event> {
    return toEvent(await this.eventService.create(input, identity!));
  }

  @Mutation(() => Event)
  @Auth(Role.ADMIN, Role.OPERATOR)
  async updateEvent(@Arg('id', () => ID) id: string, @Arg('input') input: UpdateEventInput): Promise<Event> {
    return toEvent(await this.eventService.update(id, input));
  }

  @Mutation(() => Boolean, {
    description:
      'Deletes the event and its rewards; its PENDING requests are rejected, decided ones and payouts stay',
  })
  @Auth(Role.ADMIN)
  async deleteEvent(@Arg('id', () => ID) id: string): Promise<boolean> {
    const event = await this.eventService.get(id);
    await this.eventRewards.removeAllOf(id);
    await this.reviews.rejectAllPending({ eventId: event._id }, 'EVENT_DELETED');
    return this.eventService.delete(id);
  }

  @Query(() => EventConnection, { description: 'Events, in orderBy; players see ACTIVE ones only' })
  @Auth()
  @CacheControl({ maxAge: EVENT_READS_MAX_AGE_SECONDS, scope: 'PUBLIC' })
  async events(
    @Arg('filter', () => EventFilter, { nullable: true }) filter: EventFilter | undefined,
    @Arg('orderBy', () => EventOrder, { nullable: true, description: 'Newest first when absent' })
    orderBy: EventOrder | undefined,
    @Args() page: PageArgs,
    @Ctx() context: ServiceContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<EventConnection> {
    await this.generation.report(context, info);
    const listed = await this.eventService.list(filter, page, context.identity!, orderBy);
    restrictCacheAge(info, listed.secondsValid);
    return { ...listed.page, nodes: listed.page.nodes.map((e) => toEvent(e, listed.at)) };
  }

  @Query(() => Event, {
    nullable: true,
    description: 'Null when it does not exist or is not ACTIVE (players)',
  })
  @Auth()
  @CacheControl({ maxAge: EVENT_READS_MAX_AGE_SECONDS, scope: 'PUBLIC' })
  async event(
    @Arg('id', () => ID) id: string,
    @Ctx() context: ServiceContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Event | null> {
    await this.generation.report(context, info);
    const found = await this.eventService.findVisible(id, context.identity!);
    const now = new Date();
    restrictCacheAge(info, found ? secondsUntilOpenChanges([found], now) : Infinity);
    return found ? toEvent(found, now) : null;
  }

  @FieldResolver(() => [EventReward], {
    description: "The event's rewards, as eventRewards shows them: empty for an event hidden from the caller",
  })
  async rewards(@Root() event: Event, @Ctx() context: ServiceContext): Promise<EventReward[]> {
    if (!isEventVisibleTo(event, context.identity!)) return [];
    return (await this.loaders(context).eventRewards.load(event.id)).map(toEventReward);
  }
}
