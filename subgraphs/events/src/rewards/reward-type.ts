import { registerEnumType } from 'type-graphql';

export enum RewardType {
  POINT = 'POINT',
  ITEM = 'ITEM',
  COUPON = 'COUPON',
  BADGE = 'BADGE',
}

registerEnumType(RewardType, { name: 'RewardType', description: 'What a reward pays out' });
