import DataLoader from 'dataloader';
import { type ServiceContext } from '@rewardgraph/service-kit';
import { type EventRecord } from './events/event.model';
import { type EventService } from './events/event.service';
import { type AnyRewardRecord } from './rewards/reward.model';
import { type RewardService } from './rewards/reward.service';

export interface Loaders {
  event: DataLoader<string, EventRecord | null>;
  reward: DataLoader<string, AnyRewardRecord | null>;
}

/** Per-request batching for fields resolved per item (RewardRequest.event, EventReward.reward …). */
export function createLoaders(events: EventService, rewards: RewardService) {
  const perRequest = new WeakMap<ServiceContext, Loaders>();
  return (context: ServiceContext): Loaders => {
    let loaders = perRequest.get(context);
    if (!loaders) {
      loaders = {
        event: new DataLoader((ids) => events.findMany(ids)),
        reward: new DataLoader((ids) => rewards.findMany(ids)),
      };
      perRequest.set(context, loaders);
    }
    return loaders;
  };
}

export type LoadersFor = ReturnType<typeof createLoaders>;
