import { type ClassType, Directive, Field, Int, ObjectType, ArgsType } from 'type-graphql';
import { Max, Min } from 'class-validator';
import { CacheControl } from '../cache/cache-control';

@ObjectType({ description: 'Where a page of a list ends, to ask for the next one' })
@Directive('@shareable')
@CacheControl({ inheritMaxAge: true })
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Pass as `after` to get the next page' })
  endCursor!: string | null;
}

export interface Page<T> {
  nodes: T[];
  totalCount: number;
  pageInfo: PageInfo;
}

/** A `…Connection` type for a node type: `class EventConnection extends Connection(Event) {}`. */
export function Connection<T extends object>(NodeType: ClassType<T>) {
  @ObjectType()
  abstract class ConnectionClass implements Page<T> {
    @Field(() => [NodeType])
    nodes!: T[];

    @Field(() => Int, { description: 'How many nodes match, across all pages' })
    totalCount!: number;

    @Field(() => PageInfo)
    pageInfo!: PageInfo;
  }
  return ConnectionClass;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: DEFAULT_PAGE_SIZE, description: `At most ${MAX_PAGE_SIZE}` })
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first: number = DEFAULT_PAGE_SIZE;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page' })
  after?: string | null;
}
