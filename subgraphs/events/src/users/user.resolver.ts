import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { PageArgs, type ServiceContext } from '@rewardgraph/service-kit';
import { type LoadersFor } from '../loaders';
import { Wallet } from '../payouts/wallet.type';
import { RewardRequestOrder, requestSortOrder } from '../requests/request-order';
import { RewardRequestConnection, toRewardRequest } from '../requests/request.type';
import { User } from './user.type';

/** Resolved per user, and batched per request: an `_entities` call for N users reads once for all. */
@Resolver(() => User)
export class UserResolver {
  constructor(private readonly loaders: LoadersFor) {}

  @FieldResolver(() => RewardRequestConnection, { description: "This user's reward requests, in orderBy" })
  async rewardRequests(
    @Root() user: User,
    @Arg('orderBy', () => RewardRequestOrder, { nullable: true, description: 'Newest first when absent' })
    orderBy: RewardRequestOrder | undefined,
    @Args() page: PageArgs,
    @Ctx() context: ServiceContext,
  ): Promise<RewardRequestConnection> {
    const result = await this.loaders(context).userRequests.load({
      userId: user.id,
      page: { first: page.first, after: page.after ?? null },
      order: requestSortOrder(orderBy),
    });
    return { ...result, nodes: result.nodes.map(toRewardRequest) };
  }

  @FieldResolver(() => Wallet, { description: 'What has been paid out to this user' })
  wallet(@Root() user: User, @Ctx() context: ServiceContext): Promise<Wallet> {
    return this.loaders(context).wallet.load(user.id);
  }
}
