import { Field, Int, ObjectType } from 'type-graphql';
import { Comparison, Metric } from '../conditions/condition.input';

@ObjectType({ description: 'One rule of a condition, checked against the player now' })
export class RuleCheck {
  @Field(() => Metric)
  metric!: Metric;

  @Field(() => String, { nullable: true, description: 'The activity name, with ACTIVITY' })
  activity!: string | null;

  @Field(() => Comparison)
  comparison!: Comparison;

  @Field(() => Int)
  target!: number;

  @Field(() => Int)
  actual!: number;

  @Field()
  met!: boolean;

  @Field({ description: 'e.g. "loginDays 2 of 3"' })
  text!: string;
}

@ObjectType({ description: 'Would requestReward grant this reward now, and if not, why' })
export class Eligibility {
  @Field()
  eligible!: boolean;

  @Field()
  explanation!: string;

  @Field()
  eventOpen!: boolean;

  @Field()
  conditionMet!: boolean;

  @Field(() => [RuleCheck])
  rules!: RuleCheck[];

  @Field(() => Int, { description: 'Granted requests the player holds' })
  held!: number;

  @Field(() => Int)
  perUserLimit!: number;

  @Field(() => Int, { nullable: true, description: 'Null when stock is unlimited' })
  stockLeft!: number | null;
}
