import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Auth, PageArgs, Role, type ServiceContext } from '@rewardgraph/service-kit';
import { type EventRewardService } from '../event-rewards/event-reward.service';
import { type ReviewService } from '../requests/review.service';
import { CreateEventInput, EventFilter, UpdateEventInput } from './event.input';
import { type EventService } from './event.service';
import { Event, EventConnection, toEvent } from './event.type';

@Resolver(() => Event)
export class EventResolver {
  constructor(
    private readonly eventService: EventService,
    private readonly eventRewards: EventRewardService,
    private readonly reviews: ReviewService,
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

  @Query(() => EventConnection, { description: 'Events, newest first; players see ACTIVE ones only' })
  @Auth()
  async events(
    @Arg('filter', () => EventFilter, { nullable: true }) filter: EventFilter | undefined,
    @Args() page: PageArgs,
    @Ctx() { identity }: ServiceContext,
  ): Promise<EventConnection> {
    const result = await this.eventService.list(filter, page, identity!);
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
}
