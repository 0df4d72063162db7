import { registerEnumType } from 'type-graphql';
import { RequestStatus } from './request-status';

/** What a reviewer may decide: the schema itself refuses anything else (PENDING, RECEIVED). */
export enum ReviewDecision {
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}

registerEnumType(ReviewDecision, {
  name: 'ReviewDecision',
  description: 'The outcome of a review',
  valuesConfig: {
    APPROVED: { description: 'Pay the reward out' },
    REJECTED: { description: 'Refuse it; the stock it held is free again' },
  },
});

export const STATUS_OF_DECISION = {
  [ReviewDecision.APPROVED]: RequestStatus.APPROVED,
  [ReviewDecision.REJECTED]: RequestStatus.REJECTED,
} as const;
