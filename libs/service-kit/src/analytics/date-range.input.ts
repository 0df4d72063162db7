import { Field, InputType } from 'type-graphql';

@InputType({ description: 'At most 366 days; to must be after from' })
export class DateRangeInput {
  @Field()
  from!: Date;

  @Field({ description: 'Exclusive' })
  to!: Date;
}
