import { Field, InputType } from 'type-graphql';
import { IsEmail, Length, MaxLength } from 'class-validator';
import { Verbatim } from '@rewardgraph/service-kit';

/** 12 to 128 characters: long enough to resist guessing (ASVS 5), short enough to hash cheaply. */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

@InputType()
export class SignUpInput {
  @Field()
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @Field()
  @Verbatim()
  @Length(PASSWORD_MIN, PASSWORD_MAX)
  password!: string;
}

@InputType()
export class LoginInput {
  @Field()
  @MaxLength(254)
  email!: string;

  @Field()
  @Verbatim()
  @MaxLength(PASSWORD_MAX)
  password!: string;
}
