import { Arg, Mutation, Resolver } from 'type-graphql';
import { Auth, Role } from '@rewardgraph/service-kit';
import { RecordActivityInput } from './activity.input';
import { type MetricService } from './metric.service';

@Resolver()
export class ActivityResolver {
  constructor(private readonly metrics: MetricService) {}

  @Mutation(() => Boolean, { description: 'Records player activity for conditions; idempotent by key' })
  @Auth(Role.ADMIN, Role.OPERATOR)
  async recordActivity(@Arg('input') input: RecordActivityInput): Promise<boolean> {
    return this.metrics.recordActivity(input);
  }
}
