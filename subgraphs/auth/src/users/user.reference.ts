import DataLoader from 'dataloader';
import { type ServiceContext } from '@rewardgraph/service-kit';
import { type User } from './user.type';
import { type UserService } from './user.service';

/**
 * Resolves `User` references for other subgraphs, batched per request: one read of the
 * display cache for all the users an operation mentions, user-db for the misses. Who
 * may reach which user is the type's `@auth` rule, checked before this runs (on the
 * caller's token, never on the cached user); ids arrive validated and canonical.
 */
export function createUserReferenceResolver(users: UserService) {
  const loaders = new WeakMap<ServiceContext, DataLoader<string, User | null>>();
  return (reference: { id: string }, context: ServiceContext) => {
    let loader = loaders.get(context);
    if (!loader) {
      loader = new DataLoader((ids) => users.displaysByIds(ids));
      loaders.set(context, loader);
    }
    return loader.load(reference.id);
  };
}
