import { registerEnumType } from 'type-graphql';

export enum RequestStatus {
  RECEIVED = 'RECEIVED',
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}

registerEnumType(RequestStatus, {
  name: 'RequestStatus',
  description: 'Where a reward request stands',
  valuesConfig: {
    RECEIVED: { description: 'Recorded; the decision is being made (answered again with the same key)' },
    PENDING: { description: 'Granted, waiting for a review' },
    APPROVED: { description: 'Granted and paid' },
    REJECTED: { description: 'Refused; `reason` says why' },
  },
});
