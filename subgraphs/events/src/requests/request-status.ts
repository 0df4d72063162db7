import { registerEnumType } from 'type-graphql';

export enum RequestStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}

registerEnumType(RequestStatus, { name: 'RequestStatus', description: 'Where a reward request stands' });
