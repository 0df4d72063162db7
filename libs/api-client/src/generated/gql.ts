/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "fragment Session on AuthPayload {\n  accessToken\n  expiresAt\n  user {\n    id\n    email\n    roles\n  }\n}\n\nmutation SignUp($input: SignUpInput!) {\n  signUp(input: $input) {\n    id\n    email\n    roles\n  }\n}\n\nmutation Login($input: LoginInput!) {\n  login(input: $input) {\n    ...Session\n  }\n}\n\nmutation RefreshToken {\n  refreshToken {\n    ...Session\n  }\n}\n\nmutation Logout {\n  logout\n}\n\nquery Me {\n  me {\n    id\n    email\n    roles\n  }\n}": typeof types.SessionFragmentDoc,
    "mutation UpdateUserRoles($id: ID!, $roles: [Role!]!) {\n  updateUserRoles(id: $id, roles: $roles) {\n    id\n    email\n    roles\n  }\n}": typeof types.UpdateUserRolesDocument,
    "mutation RecordActivity($input: RecordActivityInput!) {\n  recordActivity(input: $input)\n}": typeof types.RecordActivityDocument,
    "fragment EventRewardFields on EventReward {\n  id\n  eventId\n  rewardId\n  condition\n  autoResolve\n  stock\n  perUserLimit\n  reward {\n    ...RewardFields\n  }\n}\n\nmutation AddEventReward($eventId: ID!, $input: AddEventRewardInput!) {\n  addEventReward(eventId: $eventId, input: $input) {\n    ...EventRewardFields\n  }\n}\n\nmutation UpdateEventReward($eventId: ID!, $rewardId: ID!, $input: UpdateEventRewardInput!) {\n  updateEventReward(eventId: $eventId, rewardId: $rewardId, input: $input) {\n    ...EventRewardFields\n  }\n}": typeof types.EventRewardFieldsFragmentDoc,
    "fragment EventFields on Event {\n  id\n  name\n  description\n  condition\n  periodStart\n  periodEnd\n  status\n  isOpen\n  createdAt\n  updatedAt\n}\n\nmutation CreateEvent($input: CreateEventInput!) {\n  createEvent(input: $input) {\n    ...EventFields\n  }\n}\n\nquery Events($first: Int! = 20, $after: String, $filter: EventFilter) {\n  events(first: $first, after: $after, filter: $filter) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      ...EventFields\n    }\n  }\n}\n\nquery EventWithRewards($id: ID!) {\n  event(id: $id) {\n    ...EventFields\n  }\n  eventRewards(eventId: $id) {\n    ...EventRewardFields\n  }\n}": typeof types.EventFieldsFragmentDoc,
    "fragment RewardRequestFields on RewardRequest {\n  id\n  eventId\n  rewardId\n  userId\n  status\n  reason\n  history {\n    status\n    by\n    at\n    reason\n  }\n  createdAt\n  updatedAt\n}\n\nmutation RequestReward($eventId: ID!, $rewardId: ID!, $idempotencyKey: String) {\n  requestReward(\n    eventId: $eventId\n    rewardId: $rewardId\n    idempotencyKey: $idempotencyKey\n  ) {\n    ...RewardRequestFields\n  }\n}\n\nmutation ReviewRewardRequest($id: ID!, $input: ReviewRewardRequestInput!) {\n  reviewRewardRequest(id: $id, input: $input) {\n    ...RewardRequestFields\n  }\n}\n\nquery MyRewardRequests($first: Int! = 20, $after: String, $filter: RewardRequestFilter) {\n  myRewardRequests(first: $first, after: $after, filter: $filter) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      ...RewardRequestFields\n    }\n  }\n}": typeof types.RewardRequestFieldsFragmentDoc,
    "fragment RewardFields on Reward {\n  __typename\n  id\n  type\n  name\n  createdAt\n  updatedAt\n  ... on PointReward {\n    points\n  }\n  ... on ItemReward {\n    itemId\n    quantity\n  }\n  ... on CouponReward {\n    couponCode\n    expiry\n  }\n  ... on BadgeReward {\n    badgeId\n  }\n}\n\nmutation CreateReward($input: CreateRewardInput!) {\n  createReward(input: $input) {\n    ...RewardFields\n  }\n}": typeof types.RewardFieldsFragmentDoc,
    "query MyWallet {\n  me {\n    id\n    wallet {\n      points\n      items {\n        itemId\n        quantity\n      }\n      coupons {\n        couponCode\n        expiry\n      }\n      badges {\n        badgeId\n      }\n    }\n  }\n}": typeof types.MyWalletDocument,
};
const documents: Documents = {
    "fragment Session on AuthPayload {\n  accessToken\n  expiresAt\n  user {\n    id\n    email\n    roles\n  }\n}\n\nmutation SignUp($input: SignUpInput!) {\n  signUp(input: $input) {\n    id\n    email\n    roles\n  }\n}\n\nmutation Login($input: LoginInput!) {\n  login(input: $input) {\n    ...Session\n  }\n}\n\nmutation RefreshToken {\n  refreshToken {\n    ...Session\n  }\n}\n\nmutation Logout {\n  logout\n}\n\nquery Me {\n  me {\n    id\n    email\n    roles\n  }\n}": types.SessionFragmentDoc,
    "mutation UpdateUserRoles($id: ID!, $roles: [Role!]!) {\n  updateUserRoles(id: $id, roles: $roles) {\n    id\n    email\n    roles\n  }\n}": types.UpdateUserRolesDocument,
    "mutation RecordActivity($input: RecordActivityInput!) {\n  recordActivity(input: $input)\n}": types.RecordActivityDocument,
    "fragment EventRewardFields on EventReward {\n  id\n  eventId\n  rewardId\n  condition\n  autoResolve\n  stock\n  perUserLimit\n  reward {\n    ...RewardFields\n  }\n}\n\nmutation AddEventReward($eventId: ID!, $input: AddEventRewardInput!) {\n  addEventReward(eventId: $eventId, input: $input) {\n    ...EventRewardFields\n  }\n}\n\nmutation UpdateEventReward($eventId: ID!, $rewardId: ID!, $input: UpdateEventRewardInput!) {\n  updateEventReward(eventId: $eventId, rewardId: $rewardId, input: $input) {\n    ...EventRewardFields\n  }\n}": types.EventRewardFieldsFragmentDoc,
    "fragment EventFields on Event {\n  id\n  name\n  description\n  condition\n  periodStart\n  periodEnd\n  status\n  isOpen\n  createdAt\n  updatedAt\n}\n\nmutation CreateEvent($input: CreateEventInput!) {\n  createEvent(input: $input) {\n    ...EventFields\n  }\n}\n\nquery Events($first: Int! = 20, $after: String, $filter: EventFilter) {\n  events(first: $first, after: $after, filter: $filter) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      ...EventFields\n    }\n  }\n}\n\nquery EventWithRewards($id: ID!) {\n  event(id: $id) {\n    ...EventFields\n  }\n  eventRewards(eventId: $id) {\n    ...EventRewardFields\n  }\n}": types.EventFieldsFragmentDoc,
    "fragment RewardRequestFields on RewardRequest {\n  id\n  eventId\n  rewardId\n  userId\n  status\n  reason\n  history {\n    status\n    by\n    at\n    reason\n  }\n  createdAt\n  updatedAt\n}\n\nmutation RequestReward($eventId: ID!, $rewardId: ID!, $idempotencyKey: String) {\n  requestReward(\n    eventId: $eventId\n    rewardId: $rewardId\n    idempotencyKey: $idempotencyKey\n  ) {\n    ...RewardRequestFields\n  }\n}\n\nmutation ReviewRewardRequest($id: ID!, $input: ReviewRewardRequestInput!) {\n  reviewRewardRequest(id: $id, input: $input) {\n    ...RewardRequestFields\n  }\n}\n\nquery MyRewardRequests($first: Int! = 20, $after: String, $filter: RewardRequestFilter) {\n  myRewardRequests(first: $first, after: $after, filter: $filter) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      ...RewardRequestFields\n    }\n  }\n}": types.RewardRequestFieldsFragmentDoc,
    "fragment RewardFields on Reward {\n  __typename\n  id\n  type\n  name\n  createdAt\n  updatedAt\n  ... on PointReward {\n    points\n  }\n  ... on ItemReward {\n    itemId\n    quantity\n  }\n  ... on CouponReward {\n    couponCode\n    expiry\n  }\n  ... on BadgeReward {\n    badgeId\n  }\n}\n\nmutation CreateReward($input: CreateRewardInput!) {\n  createReward(input: $input) {\n    ...RewardFields\n  }\n}": types.RewardFieldsFragmentDoc,
    "query MyWallet {\n  me {\n    id\n    wallet {\n      points\n      items {\n        itemId\n        quantity\n      }\n      coupons {\n        couponCode\n        expiry\n      }\n      badges {\n        badgeId\n      }\n    }\n  }\n}": types.MyWalletDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment Session on AuthPayload {\n  accessToken\n  expiresAt\n  user {\n    id\n    email\n    roles\n  }\n}\n\nmutation SignUp($input: SignUpInput!) {\n  signUp(input: $input) {\n    id\n    email\n    roles\n  }\n}\n\nmutation Login($input: LoginInput!) {\n  login(input: $input) {\n    ...Session\n  }\n}\n\nmutation RefreshToken {\n  refreshToken {\n    ...Session\n  }\n}\n\nmutation Logout {\n  logout\n}\n\nquery Me {\n  me {\n    id\n    email\n    roles\n  }\n}"): (typeof documents)["fragment Session on AuthPayload {\n  accessToken\n  expiresAt\n  user {\n    id\n    email\n    roles\n  }\n}\n\nmutation SignUp($input: SignUpInput!) {\n  signUp(input: $input) {\n    id\n    email\n    roles\n  }\n}\n\nmutation Login($input: LoginInput!) {\n  login(input: $input) {\n    ...Session\n  }\n}\n\nmutation RefreshToken {\n  refreshToken {\n    ...Session\n  }\n}\n\nmutation Logout {\n  logout\n}\n\nquery Me {\n  me {\n    id\n    email\n    roles\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UpdateUserRoles($id: ID!, $roles: [Role!]!) {\n  updateUserRoles(id: $id, roles: $roles) {\n    id\n    email\n    roles\n  }\n}"): (typeof documents)["mutation UpdateUserRoles($id: ID!, $roles: [Role!]!) {\n  updateUserRoles(id: $id, roles: $roles) {\n    id\n    email\n    roles\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RecordActivity($input: RecordActivityInput!) {\n  recordActivity(input: $input)\n}"): (typeof documents)["mutation RecordActivity($input: RecordActivityInput!) {\n  recordActivity(input: $input)\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment EventRewardFields on EventReward {\n  id\n  eventId\n  rewardId\n  condition\n  autoResolve\n  stock\n  perUserLimit\n  reward {\n    ...RewardFields\n  }\n}\n\nmutation AddEventReward($eventId: ID!, $input: AddEventRewardInput!) {\n  addEventReward(eventId: $eventId, input: $input) {\n    ...EventRewardFields\n  }\n}\n\nmutation UpdateEventReward($eventId: ID!, $rewardId: ID!, $input: UpdateEventRewardInput!) {\n  updateEventReward(eventId: $eventId, rewardId: $rewardId, input: $input) {\n    ...EventRewardFields\n  }\n}"): (typeof documents)["fragment EventRewardFields on EventReward {\n  id\n  eventId\n  rewardId\n  condition\n  autoResolve\n  stock\n  perUserLimit\n  reward {\n    ...RewardFields\n  }\n}\n\nmutation AddEventReward($eventId: ID!, $input: AddEventRewardInput!) {\n  addEventReward(eventId: $eventId, input: $input) {\n    ...EventRewardFields\n  }\n}\n\nmutation UpdateEventReward($eventId: ID!, $rewardId: ID!, $input: UpdateEventRewardInput!) {\n  updateEventReward(eventId: $eventId, rewardId: $rewardId, input: $input) {\n    ...EventRewardFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment EventFields on Event {\n  id\n  name\n  description\n  condition\n  periodStart\n  periodEnd\n  status\n  isOpen\n  createdAt\n  updatedAt\n}\n\nmutation CreateEvent($input: CreateEventInput!) {\n  createEvent(input: $input) {\n    ...EventFields\n  }\n}\n\nquery Events($first: Int! = 20, $after: String, $filter: EventFilter) {\n  events(first: $first, after: $after, filter: $filter) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      ...EventFields\n    }\n  }\n}\n\nquery EventWithRewards($id: ID!) {\n  event(id: $id) {\n    ...EventFields\n  }\n  eventRewards(eventId: $id) {\n    ...EventRewardFields\n  }\n}"): (typeof documents)["fragment EventFields on Event {\n  id\n  name\n  description\n  condition\n  periodStart\n  periodEnd\n  status\n  isOpen\n  createdAt\n  updatedAt\n}\n\nmutation CreateEvent($input: CreateEventInput!) {\n  createEvent(input: $input) {\n    ...EventFields\n  }\n}\n\nquery Events($first: Int! = 20, $after: String, $filter: EventFilter) {\n  events(first: $first, after: $after, filter: $filter) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      ...EventFields\n    }\n  }\n}\n\nquery EventWithRewards($id: ID!) {\n  event(id: $id) {\n    ...EventFields\n  }\n  eventRewards(eventId: $id) {\n    ...EventRewardFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment RewardRequestFields on RewardRequest {\n  id\n  eventId\n  rewardId\n  userId\n  status\n  reason\n  history {\n    status\n    by\n    at\n    reason\n  }\n  createdAt\n  updatedAt\n}\n\nmutation RequestReward($eventId: ID!, $rewardId: ID!, $idempotencyKey: String) {\n  requestReward(\n    eventId: $eventId\n    rewardId: $rewardId\n    idempotencyKey: $idempotencyKey\n  ) {\n    ...RewardRequestFields\n  }\n}\n\nmutation ReviewRewardRequest($id: ID!, $input: ReviewRewardRequestInput!) {\n  reviewRewardRequest(id: $id, input: $input) {\n    ...RewardRequestFields\n  }\n}\n\nquery MyRewardRequests($first: Int! = 20, $after: String, $filter: RewardRequestFilter) {\n  myRewardRequests(first: $first, after: $after, filter: $filter) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      ...RewardRequestFields\n    }\n  }\n}"): (typeof documents)["fragment RewardRequestFields on RewardRequest {\n  id\n  eventId\n  rewardId\n  userId\n  status\n  reason\n  history {\n    status\n    by\n    at\n    reason\n  }\n  createdAt\n  updatedAt\n}\n\nmutation RequestReward($eventId: ID!, $rewardId: ID!, $idempotencyKey: String) {\n  requestReward(\n    eventId: $eventId\n    rewardId: $rewardId\n    idempotencyKey: $idempotencyKey\n  ) {\n    ...RewardRequestFields\n  }\n}\n\nmutation ReviewRewardRequest($id: ID!, $input: ReviewRewardRequestInput!) {\n  reviewRewardRequest(id: $id, input: $input) {\n    ...RewardRequestFields\n  }\n}\n\nquery MyRewardRequests($first: Int! = 20, $after: String, $filter: RewardRequestFilter) {\n  myRewardRequests(first: $first, after: $after, filter: $filter) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      ...RewardRequestFields\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment RewardFields on Reward {\n  __typename\n  id\n  type\n  name\n  createdAt\n  updatedAt\n  ... on PointReward {\n    points\n  }\n  ... on ItemReward {\n    itemId\n    quantity\n  }\n  ... on CouponReward {\n    couponCode\n    expiry\n  }\n  ... on BadgeReward {\n    badgeId\n  }\n}\n\nmutation CreateReward($input: CreateRewardInput!) {\n  createReward(input: $input) {\n    ...RewardFields\n  }\n}"): (typeof documents)["fragment RewardFields on Reward {\n  __typename\n  id\n  type\n  name\n  createdAt\n  updatedAt\n  ... on PointReward {\n    points\n  }\n  ... on ItemReward {\n    itemId\n    quantity\n  }\n  ... on CouponReward {\n    couponCode\n    expiry\n  }\n  ... on BadgeReward {\n    badgeId\n  }\n}\n\nmutation CreateReward($input: CreateRewardInput!) {\n  createReward(input: $input) {\n    ...RewardFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MyWallet {\n  me {\n    id\n    wallet {\n      points\n      items {\n        itemId\n        quantity\n      }\n      coupons {\n        couponCode\n        expiry\n      }\n      badges {\n        badgeId\n      }\n    }\n  }\n}"): (typeof documents)["query MyWallet {\n  me {\n    id\n    wallet {\n      points\n      items {\n        itemId\n        quantity\n      }\n      coupons {\n        couponCode\n        expiry\n      }\n      badges {\n        badgeId\n      }\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;