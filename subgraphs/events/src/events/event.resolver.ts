import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Auth, PageArgs, Role, type ServiceContext } from '@rewardgraph/service-kit';
import { CreateEventInput, EventFilter } from './event.input';
import { type EventService } from './event.service';
import { Event, EventConnection, toEvent } from './event.type';

@Resolver(() => Event)
export class EventResolver {
  constructor(private readonly eventService: EventService) {}

  @Mutation(() => Event)
  @Auth(Role.ADMIN, Role.OPERATOR)
  async createEvent(
    @Arg('input') input: CreateEventInput,
    @Ctx() { identity }: ServiceContext,
  ): Promise<Event> {
    return toEvent(await this.eventService.create(input, identity!));
  }

  @Query(() => EventConnection, { description: 'Events, newest first' })
  @Auth()
  async events(
    @Arg('filter', () => EventFilter, { nullable: true }) filter: EventFilter | undefined,
    @Args() page: PageArgs,
  ): Promise<EventConnection> {
    const result = await this.eventService.list(filter, page);
    const now = new Date();
    return { ...result, nodes: result.nodes.map((e) => toEvent(e, now)) };
  }

  @Query(() => Event, { nullable: true })
  @Auth()
  async event(@Arg('id', () => ID) id: string): Promise<Event | null> {
    const found = await this.eventService.findById(id);
    return found ? toEvent(found) : null;
  }
}
