import type { UsersQuery } from '@rewardgraph/api-client';

/** One user as the users list shows it. */
export type UserRow = UsersQuery['users']['nodes'][number];
