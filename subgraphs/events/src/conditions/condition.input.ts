import { Field, InputType, Int, registerEnumType } from 'type-graphql';

export enum Metric {
  LOGIN_DAYS = 'LOGIN_DAYS',
  ACTIVITY = 'ACTIVITY',
}

registerEnumType(Metric, {
  name: 'Metric',
  description: "What a rule counts, within the event's period",
  valuesConfig: {
    LOGIN_DAYS: { description: 'Distinct UTC days with a login' },
    ACTIVITY: { description: 'The sum of the amounts recorded (recordActivity) under one activity name' },
  },
});

export enum Comparison {
  GTE = 'GTE',
  GT = 'GT',
  LTE = 'LTE',
  LT = 'LT',
  EQ = 'EQ',
}

registerEnumType(Comparison, {
  name: 'Comparison',
  description: 'How the metric compares with the value: ≥, >, ≤, <, =',
});

@InputType({ description: "One comparison of a player's metric with a value" })
export class RuleInput {
  @Field(() => Metric)
  metric!: Metric;

  @Field(() => String, {
    nullable: true,
    description:
      'The activity name (lower-case letters, digits, _ . -): required with ACTIVITY, refused otherwise',
  })
  activity?: string | null;

  @Field(() => Comparison)
  comparison!: Comparison;

  @Field(() => Int, { description: 'A whole number ≥ 0' })
  value!: number;
}

@InputType({
  description:
    'A condition: exactly one of all, any or rule (BAD_USER_INPUT naming the path otherwise); at most 5 levels and 50 rules',
})
export class ConditionInput {
  @Field(() => [ConditionInput], { nullable: true, description: 'Every condition holds; not empty' })
  all?: ConditionInput[] | null;

  @Field(() => [ConditionInput], { nullable: true, description: 'At least one condition holds; not empty' })
  any?: ConditionInput[] | null;

  @Field(() => RuleInput, { nullable: true })
  rule?: RuleInput | null;
}
