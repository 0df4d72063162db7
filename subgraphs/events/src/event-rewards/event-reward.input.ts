import { IsOptional, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { ConditionInput } from '../conditions/condition.input';

@InputType()
export class UpdateEventRewardInput {
  @Field(() => ConditionInput, {
    nullable: true,
    description: 'Rule the player must meet; null: none (on update: removes it)',
  })
  condition?: ConditionInput | null;

  @Field({ nullable: true, description: 'Approve and pay at once when the condition is met' })
  autoResolve?: boolean;

  @Field(() => Int, { nullable: true, description: 'Total that may ever be granted; unlimited when absent' })
  @IsOptional()
  @Min(0)
  @Max(1_000_000)
  stock?: number | null;

  @Field(() => Int, { nullable: true, description: 'Granted requests one user may hold' })
  @IsOptional()
  @Min(1)
  @Max(10_000)
  perUserLimit?: number;
}

@InputType()
export class AddEventRewardInput extends UpdateEventRewardInput {
  @Field(() => ID)
  rewardId!: string;

  @Field({ defaultValue: false })
  override autoResolve: boolean = false;

  @Field(() => Int, { defaultValue: 1 })
  @Min(1)
  @Max(10_000)
  override perUserLimit: number = 1;
}
