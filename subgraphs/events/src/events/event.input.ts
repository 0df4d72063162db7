import { Field, InputType } from 'type-graphql';
import { IsOptional, Length, MaxLength } from 'class-validator';
import { Multiline } from '@rewardgraph/service-kit';
import { ConditionInput } from '../conditions/condition.input';
import { EventStatus } from './event-status';

@InputType()
export class CreateEventInput {
  @Field()
  @Length(1, 200)
  name!: string;

  @Field({ nullable: true })
  @Multiline()
  @IsOptional()
  @MaxLength(5000)
  description?: string;

  @Field(() => ConditionInput, { nullable: true, description: 'Absent or null: every player qualifies' })
  condition?: ConditionInput | null;

  @Field()
  periodStart!: Date;

  @Field({ description: 'Must be after periodStart' })
  periodEnd!: Date;

  @Field(() => EventStatus, { defaultValue: EventStatus.DRAFT })
  status: EventStatus = EventStatus.DRAFT;
}

@InputType()
export class EventFilter {
  @Field(() => EventStatus, { nullable: true })
  status?: EventStatus;

  @Field({ nullable: true, description: 'true: open now; false: not open now' })
  isOpen?: boolean;

  @Field({ nullable: true, description: 'Names that contain this text, in any letter case; empty = any' })
  @IsOptional()
  @MaxLength(200)
  search?: string;
}

@InputType({ description: 'Only the fields given change' })
export class UpdateEventInput {
  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 200)
  name?: string;

  @Field({ nullable: true })
  @Multiline()
  @IsOptional()
  @MaxLength(5000)
  description?: string;

  @Field(() => ConditionInput, { nullable: true, description: 'null removes the condition' })
  condition?: ConditionInput | null;

  @Field({ nullable: true })
  periodStart?: Date;

  @Field({ nullable: true })
  periodEnd?: Date;

  @Field(() => EventStatus, { nullable: true })
  status?: EventStatus;
}
