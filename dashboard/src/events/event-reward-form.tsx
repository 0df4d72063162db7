import { Button, Group, NumberInput, Select, Stack, Switch, Text, type ComboboxItem } from '@mantine/core';
import { ConditionEditor } from '../conditions/condition-editor';
import { ErrorNotice } from '../ui/query-state';
import { eventRewardFormErrors, type EventRewardFormValues } from './event-reward-form-values';
import { useCheckedForm } from './use-checked-form';

/**
 * A reward's rules on an event: its own condition, auto-resolve, stock and per-user
 * limit. Attaching chooses the catalog reward (`rewardOptions`); editing names it
 * (`rewardName`), as the reward of an attachment never changes.
 */
export function EventRewardForm({
  initial,
  rewardOptions,
  rewardName,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial: EventRewardFormValues;
  rewardOptions?: ComboboxItem[];
  rewardName?: string;
  submitLabel: string;
  onSubmit: (values: EventRewardFormValues) => Promise<unknown>;
  onCancel: () => void;
}) {
  const form = useCheckedForm({ initial, check: eventRewardFormErrors, onSubmit });
  const { values, change, errors, saving } = form;

  return (
    <form onSubmit={form.submit} noValidate>
      <Stack gap="md">
        {form.unplaced !== null && <ErrorNotice error={form.unplaced} title="The reward was not saved" />}
        {rewardOptions ? (
          <Select
            label="Reward"
            placeholder="Choose a catalog reward"
            required
            searchable
            nothingFoundMessage="No catalog reward has this name"
            data={rewardOptions}
            value={values.rewardId}
            onChange={(rewardId) => change('rewardId', rewardId)}
            error={errors.rewardId}
          />
        ) : (
          <Text>
            Reward: <strong>{rewardName}</strong>
          </Text>
        )}
        <ConditionEditor
          label="Reward condition"
          value={values.condition}
          onChange={(condition) => change('condition', condition)}
          serverError={form.serverErrors.condition}
        />
        <Switch
          label="Auto-resolve"
          description="Approve and pay at once when the player meets the conditions"
          checked={values.autoResolve}
          onChange={(event) => change('autoResolve', event.currentTarget.checked)}
          error={errors.autoResolve}
        />
        <Group align="flex-start" grow preventGrowOverflow={false} wrap="wrap">
          <NumberInput
            label="Stock"
            description="Total that may ever be granted; empty for unlimited"
            placeholder="Unlimited"
            min={0}
            allowDecimal={false}
            allowNegative={false}
            value={values.stock}
            onChange={(stock) => change('stock', typeof stock === 'number' ? stock : '')}
            error={errors.stock}
            miw={220}
          />
          <NumberInput
            label="Per-user limit"
            description="Granted requests one player may hold"
            required
            min={1}
            allowDecimal={false}
            allowNegative={false}
            value={values.perUserLimit}
            onChange={(limit) => change('perUserLimit', typeof limit === 'number' ? limit : '')}
            error={errors.perUserLimit}
            miw={220}
          />
        </Group>
        {form.blocked && (
          <Text size="sm" c="red.8" role="alert">
            Fix the fields marked in red, then save again.
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} disabled={saving}>
            Cancel
          </Button>
          <Button type="submit" loading={saving} disabled={saving}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
