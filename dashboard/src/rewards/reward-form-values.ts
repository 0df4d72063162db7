import type {
  CreateRewardInput,
  RewardFieldsFragment,
  RewardType,
  UpdateRewardInput,
} from '@rewardgraph/api-client';
import dayjs from 'dayjs';
import type { TypedField } from './reward-kinds';

/** What the reward form edits; numbers are '' while empty, `expiry` is the picker's local time. */
export interface RewardFormValues {
  type: RewardType | null;
  name: string;
  points: number | '';
  itemId: string;
  quantity: number | '';
  couponCode: string;
  /** "YYYY-MM-DD HH:mm:ss" in the operator's time zone, as DateTimePicker gives it. */
  expiry: string | null;
  badgeId: string;
}

export type RewardFormField = keyof RewardFormValues;
export type RewardFormErrors = Partial<Record<RewardFormField, string>>;

export const EMPTY_REWARD: RewardFormValues = {
  type: null,
  name: '',
  points: '',
  itemId: '',
  quantity: '',
  couponCode: '',
  expiry: null,
  badgeId: '',
};

const PICKER_FORMAT = 'YYYY-MM-DD HH:mm:ss';

export function valuesOf(reward: RewardFieldsFragment): RewardFormValues {
  const values = { ...EMPTY_REWARD, type: reward.type, name: reward.name };
  switch (reward.__typename) {
    case 'PointReward':
      return { ...values, points: reward.points };
    case 'ItemReward':
      return { ...values, itemId: reward.itemId, quantity: reward.quantity };
    case 'CouponReward':
      return {
        ...values,
        couponCode: reward.couponCode ?? '',
        expiry: dayjs(reward.expiry).format(PICKER_FORMAT),
      };
    case 'BadgeReward':
      return { ...values, badgeId: reward.badgeId };
  }
}

type TypedInput = Pick<CreateRewardInput, TypedField>;

const count = (value: number | '') => (value === '' ? undefined : value);

/** The fields of the values' type as the API takes them: trimmed, numbers, the expiry as an ISO instant. */
function typedInput(values: RewardFormValues): TypedInput {
  switch (values.type) {
    case 'POINT':
      return { points: count(values.points) };
    case 'ITEM':
      return { itemId: values.itemId.trim(), quantity: count(values.quantity) };
    case 'COUPON':
      return {
        couponCode: values.couponCode.trim(),
        expiry: values.expiry ? dayjs(values.expiry).toISOString() : undefined,
      };
    case 'BADGE':
      return { badgeId: values.badgeId.trim() };
    case null:
      return {};
  }
}

const textProblem = (text: string, what: string, max: number) =>
  text.trim().length === 0
    ? `Enter ${what}`
    : text.trim().length > max
      ? `At most ${max.toLocaleString()} characters`
      : undefined;

const countProblem = (value: number | '', max: number) =>
  value === '' || !Number.isInteger(value) || value < 1 || value > max
    ? `A whole number from 1 to ${max.toLocaleString()}`
    : undefined;

/** The obvious mistakes, caught before asking the server (which checks the same again). */
export function rewardProblems(values: RewardFormValues): RewardFormErrors {
  const problems: RewardFormErrors = {
    type: values.type ? undefined : 'Pick the type of reward first',
    name: textProblem(values.name, 'a name', 200),
  };
  switch (values.type) {
    case 'POINT':
      problems.points = countProblem(values.points, 1_000_000);
      break;
    case 'ITEM':
      problems.itemId = textProblem(values.itemId, 'the item id', 100);
      problems.quantity = countProblem(values.quantity, 10_000);
      break;
    case 'COUPON':
      problems.couponCode = textProblem(values.couponCode, 'the coupon code', 100);
      problems.expiry = values.expiry ? undefined : 'Pick when the coupon expires';
      break;
    case 'BADGE':
      problems.badgeId = textProblem(values.badgeId, 'the badge id', 100);
      break;
  }
  return Object.fromEntries(Object.entries(problems).filter(([, problem]) => problem)) as RewardFormErrors;
}

/** A new reward: its name, its type and that type's fields only. */
export function createInput(values: RewardFormValues & { type: RewardType }): CreateRewardInput {
  return { type: values.type, name: values.name.trim(), ...typedInput(values) };
}

/** Only what the operator changed: the name and the reward's own type's fields. */
export function changedInput(initial: RewardFormValues, values: RewardFormValues): UpdateRewardInput {
  const before = typedInput(initial);
  const changed = Object.entries(typedInput(values)).filter(
    ([field, value]) => value !== before[field as TypedField],
  );
  const name = values.name.trim();
  return { ...(name !== initial.name.trim() && { name }), ...Object.fromEntries(changed) };
}
