import { Directive, Field, ObjectType } from 'type-graphql';

/** The range an analytics result covers, echoed so a client can tell which answer it holds. */
@ObjectType({ description: 'A range of time: from inclusive, to exclusive' })
@Directive('@shareable')
export class DateRange {
  @Field()
  from!: Date;

  @Field()
  to!: Date;
}
