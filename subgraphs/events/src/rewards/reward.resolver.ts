import { Arg, Args, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Auth, PageArgs, Role, STAFF_ROLES } from '@rewardgraph/service-kit';
import { CreateRewardInput, RewardFilter, UpdateRewardInput } from './reward.input';
import { type RewardService } from './reward.service';
import { Reward, RewardConnection, toReward } from './reward.type';

@Resolver(() => Reward)
export class RewardResolver {
  constructor(private readonly rewardService: RewardService) {}

  @Mutation(() => Reward)
  @Auth(Role.ADMIN, Role.OPERATOR)
  async createReward(@Arg('input') input: CreateRewardInput): Promise<Reward> {
    return toReward(await this.rewardService.create(input)) as Reward;
  }

  @Mutation(() => Reward, { description: 'Name and the type’s own fields; the type never changes' })
  @Auth(Role.ADMIN, Role.OPERATOR)
  async updateReward(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: UpdateRewardInput,
  ): Promise<Reward> {
    return toReward(await this.rewardService.update(id, input)) as Reward;
  }

  @Mutation(() => Boolean, { description: 'CONFLICT while any event holds the reward' })
  @Auth(Role.ADMIN)
  deleteReward(@Arg('id', () => ID) id: string): Promise<boolean> {
    return this.rewardService.delete(id);
  }

  @Query(() => RewardConnection, { description: 'The reward catalog, newest first' })
  @Auth(...STAFF_ROLES)
  async rewards(
    @Arg('filter', () => RewardFilter, { nullable: true }) filter: RewardFilter | undefined,
    @Args() page: PageArgs,
  ): Promise<RewardConnection> {
    const result = await this.rewardService.list(filter, page);
    return { ...result, nodes: result.nodes.map(toReward) as Reward[] };
  }

  @Query(() => Reward, { nullable: true })
  @Auth(...STAFF_ROLES)
  async reward(@Arg('id', () => ID) id: string): Promise<Reward | null> {
    const found = await this.rewardService.findById(id);
    return found ? (toReward(found) as Reward) : null;
  }
}
