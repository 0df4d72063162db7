import { Directive, Field, Int, ObjectType } from 'type-graphql';

/** A count for one UTC day; a value type both subgraphs' analytics return. */
@ObjectType({ description: 'A count for one UTC day ("2026-11-25")' })
@Directive('@shareable')
export class DayCount {
  @Field()
  day!: string;

  @Field(() => Int)
  count!: number;
}
