import { registerEnumType } from 'type-graphql';

export enum EventStatus {
  DRAFT = 'DRAFT',
  ACTIVE = 'ACTIVE',
  INACTIVE = 'INACTIVE',
}

registerEnumType(EventStatus, {
  name: 'EventStatus',
  description: 'DRAFT while being prepared, ACTIVE when players may take part, INACTIVE when withdrawn',
});
