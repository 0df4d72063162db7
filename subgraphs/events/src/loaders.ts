import DataLoader from 'dataloader';
import { type Page, type ServiceContext } from '@rewardgraph/service-kit';
import { type EventRewardRecord } from './event-rewards/event-reward.model';
import { type EventRewardService } from './event-rewards/event-reward.service';
import { type EventRecord } from './events/event.model';
import { type EventService } from './events/event.service';
import { type PayoutService } from './payouts/payout.service';
import { type Wallet } from './payouts/wallet.type';
import { type GrantCount, type GrantCounts } from './requests/grant-counts';
import { type RewardRequestRecord } from './requests/request.model';
import { type RequestService, type UserListKey } from './requests/request.service';
import { type AnyRewardRecord } from './rewards/reward.model';
import { type RewardService } from './rewards/reward.service';

export interface Loaders {
  event: DataLoader<string, EventRecord | null>;
  reward: DataLoader<string, AnyRewardRecord | null>;
  /** By event id. */
  eventRewards: DataLoader<string, EventRewardRecord[]>;
  /** By event reward id. */
  grantCounts: DataLoader<string, GrantCount>;
  /** By user id; the viewer is the request's caller. */
  wallet: DataLoader<string, Wallet>;
  userRequests: DataLoader<UserListKey, Page<RewardRequestRecord>, string>;
}

export interface LoaderSources {
  events: EventService;
  rewards: RewardService;
  eventRewards: EventRewardService;
  grantCounts: GrantCounts;
  payouts: PayoutService;
  requests: RequestService;
}

/**
 * Per-request batching for every field resolved per item (RewardRequest.event,
 * EventReward.reward, Event.rewards, EventReward.granted and stockLeft, and User.wallet and
 * User.rewardRequests for a whole `_entities` batch): the keys one request asks for in
 * the same tick are read together.
 */
export function createLoaders(sources: LoaderSources) {
  const perRequest = new WeakMap<ServiceContext, Loaders>();
  return (context: ServiceContext): Loaders => {
    let loaders = perRequest.get(context);
    if (!loaders) {
      loaders = {
        event: new DataLoader((ids) => sources.events.findMany(ids)),
        reward: new DataLoader((ids) => sources.rewards.findMany(ids)),
        eventRewards: new DataLoader((eventIds) => sources.eventRewards.listForEvents(eventIds)),
        grantCounts: new DataLoader((ids) => sources.grantCounts.of(ids)),
        wallet: new DataLoader((userIds) => sources.payouts.walletsOf(userIds, context.identity!)),
        userRequests: new DataLoader((keys) => sources.requests.listsForUsers(keys, context.identity!), {
          cacheKeyFn: (key) => JSON.stringify(key),
        }),
      };
      perRequest.set(context, loaders);
    }
    return loaders;
  };
}

export type LoadersFor = ReturnType<typeof createLoaders>;
