import { registerEnumType } from 'type-graphql';

export enum Role {
  ADMIN = 'ADMIN',
  OPERATOR = 'OPERATOR',
  AUDITOR = 'AUDITOR',
  USER = 'USER',
}

registerEnumType(Role, {
  name: 'Role',
  description: 'What a user may do; a user may hold several roles',
});

export const ALL_ROLES = Object.values(Role);
export const STAFF_ROLES = [Role.ADMIN, Role.OPERATOR, Role.AUDITOR];
