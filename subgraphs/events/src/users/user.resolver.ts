import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { PageArgs, type ServiceContext } from '@rewardgraph/service-kit';
import { type RequestService } from '../requests/request.service';
import { RewardRequestConnection, toRewardRequest } from '../requests/request.type';
import { User } from './user.type';

@Resolver(() => User)
export class UserResolver {
  constructor(private readonly requests: RequestService) {}

  @FieldResolver(() => RewardRequestConnection, { description: "This user's reward requests, newest first" })
  async rewardRequests(
    @Root() user: User,
    @Args() page: PageArgs,
    @Ctx() { identity }: ServiceContext,
  ): Promise<RewardRequestConnection> {
    const result = await this.requests.listForUser(user.id, identity!, page);
    return { ...result, nodes: result.nodes.map(toRewardRequest) };
  }
}
