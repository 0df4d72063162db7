import { type Tally } from '@rewardgraph/service-kit';
import { tallyItemOf, type GONE } from '../figures/request-figures';
import { type RequestStatus } from './request-status';
import { type RewardRequestRecord } from './request.model';
import { type RequestLists } from './request-lists';

type Changed = Pick<RewardRequestRecord, '_id' | 'day' | 'status' | 'userId'>;

/**
 * The one way a request is written: between the tally's intent and record (counts that
 * survive a crash between the two), and followed by forgetting the cached lists that
 * may show it. A write that throws changed nothing, so nothing is forgotten.
 */
export class RequestChanges {
  constructor(
    private readonly tally: Tally,
    private readonly lists: RequestLists,
  ) {}

  async write<T>(request: Changed, state: RequestStatus | typeof GONE, write: () => Promise<T>): Promise<T> {
    const result = await this.tally.track(tallyItemOf(request, state), write);
    await this.lists.changed(request.userId);
    return result;
  }

  /** An insert refused as a duplicate: its intent is dropped, and no list changed. */
  refused(request: Changed): Promise<void> {
    return this.tally.forget(request._id.toHexString(), request.day);
  }
}
