import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { hasAnyRole, STAFF_ROLES, type ServiceContext } from '@rewardgraph/service-kit';
import { CouponReward } from './reward.type';

/**
 * A coupon code is a secret until it is paid. Decided here, on the field, so every path
 * that reaches a coupon reward (event rewards, a request's reward, cached reads) shows a
 * player null; the code a player was paid is in their wallet (`Wallet.coupons`).
 */
@Resolver(() => CouponReward)
export class CouponCodeResolver {
  @FieldResolver(() => String, { nullable: true })
  couponCode(@Root() reward: CouponReward, @Ctx() { identity }: ServiceContext): string | null {
    return identity && hasAnyRole(identity, STAFF_ROLES) ? reward.couponCode : null;
  }
}
