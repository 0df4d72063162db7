import { Button, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { EventStatus } from '@rewardgraph/api-client';
import { ConditionEditor } from '../conditions/condition-editor';
import { ErrorNotice } from '../ui/query-state';
import { eventFormErrors, type EventFormValues } from './event-form-values';
import { PeriodPicker } from './period-picker';
import { useCheckedForm } from './use-checked-form';

const STATUSES = [
  { value: EventStatus.DRAFT, label: 'Draft' },
  { value: EventStatus.ACTIVE, label: 'Active' },
  { value: EventStatus.INACTIVE, label: 'Inactive' },
];

/**
 * The event's fields, checked before sending. `onSubmit` saves and answers the API's
 * refusal (or null): its field errors go on their fields, anything else above the form.
 */
export function EventForm({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial: EventFormValues;
  submitLabel: string;
  onSubmit: (values: EventFormValues) => Promise<unknown>;
  onCancel: () => void;
}) {
  const form = useCheckedForm({ initial, check: eventFormErrors, onSubmit });
  const { values, change, errors, saving } = form;

  return (
    <form onSubmit={form.submit} noValidate>
      <Stack gap="md" maw={760}>
        {form.unplaced !== null && <ErrorNotice error={form.unplaced} title="The event was not saved" />}
        <TextInput
          label="Name"
          required
          value={values.name}
          onChange={(event) => change('name', event.currentTarget.value)}
          error={errors.name}
        />
        <Textarea
          label="Description"
          autosize
          minRows={3}
          value={values.description}
          onChange={(event) => change('description', event.currentTarget.value)}
          error={errors.description}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <PeriodPicker
            label="Period start"
            value={values.periodStart}
            onChange={(value) => change('periodStart', value)}
            error={errors.periodStart}
          />
          <PeriodPicker
            label="Period end"
            value={values.periodEnd}
            onChange={(value) => change('periodEnd', value)}
            error={errors.periodEnd}
          />
        </SimpleGrid>
        <NativeSelect
          label="Status"
          data={STATUSES}
          value={values.status}
          onChange={(event) => change('status', event.currentTarget.value as EventStatus)}
          error={errors.status}
          maw={240}
        />
        <ConditionEditor
          label="Condition"
          value={values.condition}
          onChange={(condition) => change('condition', condition)}
          serverError={form.serverErrors.condition}
        />
        {form.blocked && (
          <Text size="sm" c="red.8" role="alert">
            Fix the fields marked in red, then save again.
          </Text>
        )}
        <Group>
          <Button type="submit" loading={saving} disabled={saving}>
            {submitLabel}
          </Button>
          <Button variant="default" onClick={onCancel} disabled={saving}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
