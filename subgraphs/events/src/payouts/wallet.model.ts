import { index, modelOptions, prop } from '@typegoose/typegoose';
import { Types } from 'mongoose';

export class WalletItemTotal {
  @prop({ required: true })
  itemId!: string;

  @prop({ required: true })
  quantity!: number;
}

export class WalletCouponEntry {
  @prop({ required: true })
  couponCode!: string;

  @prop({ required: true })
  expiry!: Date;
}

export class WalletBadgeEntry {
  @prop({ required: true })
  badgeId!: string;
}

/**
 * A user's wallet folded up to some payouts: the balance the ledger (payouts) can always
 * rebuild. Versions are inserted, never updated (unique user + version), so two folds of
 * one wallet cannot both win; `payoutIds` are the payouts this version added, which a
 * reader leaves out of the unfolded tail until they are marked.
 */
@modelOptions({ schemaOptions: { collection: 'wallet_snapshots' } })
@index({ userId: 1, version: 1 }, { unique: true, name: 'wallet_version_unique' })
export class WalletSnapshotRecord {
  @prop({ required: true })
  userId!: string;

  @prop({ required: true })
  version!: number;

  @prop({ required: true })
  points!: number;

  @prop({ type: () => [WalletItemTotal], default: [] })
  items!: WalletItemTotal[];

  @prop({ type: () => [WalletCouponEntry], default: [] })
  coupons!: WalletCouponEntry[];

  @prop({ type: () => [WalletBadgeEntry], default: [] })
  badges!: WalletBadgeEntry[];

  @prop({ type: () => [Types.ObjectId], default: [] })
  payoutIds!: Types.ObjectId[];

  @prop({ required: true })
  foldedAt!: Date;
}
