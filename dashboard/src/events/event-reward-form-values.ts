import type {
  AddEventRewardInput,
  EventRewardFieldsFragment,
  UpdateEventRewardInput,
} from '@rewardgraph/api-client';
import {
  conditionFromStored,
  conditionProblems,
  conditionToInput,
  hasConditionProblems,
  sameCondition,
  type ConditionNode,
} from '../conditions/condition-model';
import type { FormErrors } from './use-checked-form';

/** A reward's rules on one event, as the form holds them; an empty stock is unlimited. */
export interface EventRewardFormValues {
  rewardId: string | null;
  condition: ConditionNode | null;
  autoResolve: boolean;
  stock: number | '';
  perUserLimit: number | '';
}

/** The API's bounds (AddEventRewardInput). */
const MAX_STOCK = 1_000_000;
const MAX_PER_USER = 10_000;

export const emptyEventRewardValues = (): EventRewardFormValues => ({
  rewardId: null,
  condition: null,
  autoResolve: false,
  stock: '',
  perUserLimit: 1,
});

export const eventRewardFormValues = (eventReward: EventRewardFieldsFragment): EventRewardFormValues => ({
  rewardId: eventReward.rewardId,
  condition: conditionFromStored(eventReward.condition),
  autoResolve: eventReward.autoResolve,
  stock: eventReward.stock ?? '',
  perUserLimit: eventReward.perUserLimit,
});

const within = (value: number | '', min: number, max: number) =>
  value !== '' && Number.isInteger(value) && value >= min && value <= max;

export function eventRewardFormErrors(values: EventRewardFormValues): FormErrors<EventRewardFormValues> {
  const errors: FormErrors<EventRewardFormValues> = {};
  if (!values.rewardId) errors.rewardId = 'Choose a reward from the catalog';
  if (values.stock !== '' && !within(values.stock, 0, MAX_STOCK)) {
    errors.stock = `A whole number from 0 to ${MAX_STOCK.toLocaleString()}, or empty for unlimited`;
  }
  if (!within(values.perUserLimit, 1, MAX_PER_USER)) {
    errors.perUserLimit = `A whole number from 1 to ${MAX_PER_USER.toLocaleString()}`;
  }
  if (hasConditionProblems(conditionProblems(values.condition))) {
    errors.condition = 'Fix the condition where it is marked';
  }
  return errors;
}

/** Call on values without errors (`eventRewardFormErrors`). */
export const addEventRewardInput = (values: EventRewardFormValues): AddEventRewardInput => ({
  rewardId: values.rewardId ?? '',
  condition: conditionToInput(values.condition),
  autoResolve: values.autoResolve,
  ...(values.stock !== '' && { stock: values.stock }),
  perUserLimit: values.perUserLimit === '' ? 1 : values.perUserLimit,
});

/** Only what changed; a cleared stock is sent as null (unlimited), a removed condition as null. */
export function updateEventRewardInput(
  initial: EventRewardFormValues,
  values: EventRewardFormValues,
): UpdateEventRewardInput {
  const input: UpdateEventRewardInput = {};
  if (!sameCondition(initial.condition, values.condition))
    input.condition = conditionToInput(values.condition);
  if (values.autoResolve !== initial.autoResolve) input.autoResolve = values.autoResolve;
  if (values.stock !== initial.stock) input.stock = values.stock === '' ? null : values.stock;
  if (values.perUserLimit !== initial.perUserLimit && values.perUserLimit !== '') {
    input.perUserLimit = values.perUserLimit;
  }
  return input;
}
