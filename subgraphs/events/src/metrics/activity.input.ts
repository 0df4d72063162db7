import { IsOptional, Length, Matches, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { ACTIVITY_NAME } from '../conditions/condition';

@InputType({ description: 'Something a player did, reported by a game backend' })
export class RecordActivityInput {
  @Field(() => ID)
  userId!: string;

  @Field({ description: 'Read by conditions as activity:<name>' })
  @Matches(ACTIVITY_NAME, { message: 'name: lower-case letters, digits, _ . - (1–64)' })
  name!: string;

  @Field(() => Int, { defaultValue: 1 })
  @Min(1)
  @Max(1_000_000)
  amount: number = 1;

  @Field({ nullable: true, description: 'Defaults to now' })
  @IsOptional()
  occurredAt?: Date;

  @Field({ description: 'Idempotency key: the same key is recorded once' })
  @Length(1, 200)
  key!: string;
}
