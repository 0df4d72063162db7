import { type ContainerType } from 'type-graphql';
import { buildSubgraph } from '@rewardgraph/service-kit';
import { EventResolver } from './events/event.resolver';
import { UserResolver } from './users/user.resolver';
import { User } from './users/user.type';

export const EVENTS_RESOLVERS = [EventResolver, UserResolver] as const;

/** The events subgraph schema; the composition root supplies resolver instances. */
export const buildEventsSchema = (container?: ContainerType) =>
  buildSubgraph({
    resolvers: [...EVENTS_RESOLVERS],
    // User is reached only through `_entities`, so nothing else would pull it into the schema.
    orphanedTypes: [User],
    container,
    references: { User: (reference): User => ({ id: reference.id }) },
  });
