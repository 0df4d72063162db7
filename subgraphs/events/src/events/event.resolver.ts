import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Auth, PageArgs, Role, type ServiceContext } from '@rewardgraph/service-kit';
import { type EventRewardService } from '../event-rewards/event-reward.service';
import { EventReward, toEventReward } from '../event-rewards/event-reward.type';
import { type LoadersFor } from '../loaders';
import { type ReviewService } from '../requests/review.service';
import { EventOrder } from './event-order';
import { isEventVisibleTo } from './event-visibility';
import { CreateEventInput, EventFilter, UpdateEventInput } from './event.input';
import { type EventService } from './event.service';
import { Event, EventConnection, toEvent } from './event.type';

@Resolver(() => Event)
export class EventResolver {
  constructor(
    private readonly eventService: EventService,
    private readonly eventRewards: EventRewardService,
    private readonly reviews: ReviewService,
    private readonly loaders: LoadersFor,
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
  async events(
    @Arg('filter', () => EventFilter, { nullable: true }) filter: EventFilter | undefined,
    @Arg('orderBy', () => EventOrder, { nullable: true, description: 'Newest first when absent' })
    orderBy: EventOrder | undefined,
    @Args() page: PageArgs,
    @Ctx() { identity }: ServiceContext,
  ): Promise<EventConnection> {
    const result = await this.eventService.list(filter, page, identity!, orderBy);
    const now = new Date();
    return { ...result, nodes: result.nodes.map((e) => toEvent(e, now)) };
  }

  @Query(() => Event, {
    nullable: true,
    description: 'Null when it does not exist or is not ACTIVE (players)',
  })
  @Auth()
  async event(@Arg('id', () => ID) id: string, @Ctx() { identity }: ServiceContext): Promise<Event | null> {
    const found = await this.eventService.findVisible(id, identity!);
    return found ? toEvent(found) : null;
  }

  @FieldResolver(() => [EventReward], {
    description: "The event's rewards, as eventRewards shows them: empty for an event hidden from the caller",
  })
  async rewards(@Root() event: Event, @Ctx() context: ServiceContext): Promise<EventReward[]> {
    if (!isEventVisibleTo(event, context.identity!)) return [];
    return (await this.loaders(context).eventRewards.load(event.id)).map(toEventReward);
  }
}
