import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { PageArgs, type ServiceContext } from '@rewardgraph/service-kit';
import { type PayoutService } from '../payouts/payout.service';
import { Wallet } from '../payouts/wallet.type';
import { type RequestService } from '../requests/request.service';
import { RewardRequestConnection, toRewardRequest } from '../requests/request.type';
import { User } from './user.type';

@Resolver(() => User)
export class UserResolver {
  constructor(
    private readonly requests: RequestService,
    private readonly payouts: PayoutService,
  ) {}

  @FieldResolver(() => RewardRequestConnection, { description: "This user's reward requests, newest first" })
  async rewardRequests(
    @Root() user: User,
    @Args() page: PageArgs,
    @Ctx() { identity }: ServiceContext,
  ): Promise<RewardRequestConnection> {
    const result = await this.requests.listForUser(user.id, identity!, page);
    return { ...result, nodes: result.nodes.map(toRewardRequest) };
  }

  @FieldResolver(() => Wallet, { description: 'What has been paid out to this user' })
  async wallet(@Root() user: User, @Ctx() { identity }: ServiceContext): Promise<Wallet> {
    return this.payouts.walletOf(user.id, identity!);
  }
}
