import { IsOptional, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { Role } from '@rewardgraph/service-kit';

@InputType()
export class UserFilter {
  @Field(() => Role, { nullable: true })
  role?: Role;

  @Field({ nullable: true, description: 'Part of the email, case-insensitive' })
  @IsOptional()
  @MaxLength(254)
  email?: string;
}
