import DataLoader from 'dataloader';
import { type ServiceContext } from '@rewardgraph/service-kit';
import { toUser, type User } from './user.type';
import { type UserService } from './user.service';

/**
 * Resolves `User` references for other subgraphs, batched per request: one query for
 * all the users an operation mentions. Who may reach which user is the type's `@auth`
 * rule, checked before this runs; ids arrive validated and canonical.
 */
export function createUserReferenceResolver(users: UserService) {
  const loaders = new WeakMap<ServiceContext, DataLoader<string, User | null>>();
  return (reference: { id: string }, context: ServiceContext) => {
    let loader = loaders.get(context);
    if (!loader) {
      loader = new DataLoader(async (ids) => (await users.findByIds(ids)).map((u) => (u ? toUser(u) : null)));
      loaders.set(context, loader);
    }
    return loader.load(reference.id);
  };
}
