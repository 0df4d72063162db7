import {
  EventStatus,
  type CreateEventInput,
  type EventFieldsFragment,
  type UpdateEventInput,
} from '@rewardgraph/api-client';
import dayjs from 'dayjs';
import {
  conditionFromStored,
  conditionProblems,
  conditionToInput,
  hasConditionProblems,
  sameCondition,
  type ConditionNode,
} from '../conditions/condition-model';
import type { FormErrors } from './use-checked-form';

/** The event form as the operator fills it in; dates as the picker gives them (local time). */
export interface EventFormValues {
  name: string;
  description: string;
  periodStart: string | null;
  periodEnd: string | null;
  status: EventStatus;
  condition: ConditionNode | null;
}

const PICKER_FORMAT = 'YYYY-MM-DD HH:mm:ss';
const toPicker = (iso: string) => dayjs(iso).format(PICKER_FORMAT);
const toIso = (picked: string) => dayjs(picked).toISOString();

export const emptyEventValues = (): EventFormValues => ({
  name: '',
  description: '',
  periodStart: null,
  periodEnd: null,
  status: EventStatus.DRAFT,
  condition: null,
});

export const eventFormValues = (event: EventFieldsFragment): EventFormValues => ({
  name: event.name,
  description: event.description,
  periodStart: toPicker(event.periodStart),
  periodEnd: toPicker(event.periodEnd),
  status: event.status,
  condition: conditionFromStored(event.condition),
});

/**
 * The checks the API makes that the form can make first (docs/api.md, Inputs); the
 * condition's own problems are shown by its editor, and only block the form here.
 */
export function eventFormErrors(values: EventFormValues): FormErrors<EventFormValues> {
  const errors: FormErrors<EventFormValues> = {};
  const name = values.name.trim();
  if (name === '') errors.name = 'Enter a name';
  else if (name.length > 200) errors.name = 'At most 200 characters';
  if (values.description.trim().length > 5000) errors.description = 'At most 5,000 characters';
  if (!values.periodStart) errors.periodStart = 'Choose when the event starts';
  if (!values.periodEnd) errors.periodEnd = 'Choose when the event ends';
  else if (values.periodStart && !dayjs(values.periodEnd).isAfter(dayjs(values.periodStart))) {
    errors.periodEnd = 'The end must be after the start';
  }
  if (hasConditionProblems(conditionProblems(values.condition))) {
    errors.condition = 'Fix the condition where it is marked';
  }
  return errors;
}

/** Call on values without errors (`eventFormErrors`): both dates are set. */
export const createEventInput = (values: EventFormValues): CreateEventInput => ({
  name: values.name.trim(),
  description: values.description.trim(),
  periodStart: toIso(values.periodStart ?? ''),
  periodEnd: toIso(values.periodEnd ?? ''),
  status: values.status,
  condition: conditionToInput(values.condition),
});

/** Only what the operator changed: an update leaves every field it does not name alone. */
export function updateEventInput(initial: EventFormValues, values: EventFormValues): UpdateEventInput {
  const input: UpdateEventInput = {};
  if (values.name.trim() !== initial.name) input.name = values.name.trim();
  if (values.description.trim() !== initial.description) input.description = values.description.trim();
  if (values.periodStart && values.periodStart !== initial.periodStart)
    input.periodStart = toIso(values.periodStart);
  if (values.periodEnd && values.periodEnd !== initial.periodEnd) input.periodEnd = toIso(values.periodEnd);
  if (values.status !== initial.status) input.status = values.status;
  if (!sameCondition(initial.condition, values.condition))
    input.condition = conditionToInput(values.condition);
  return input;
}
