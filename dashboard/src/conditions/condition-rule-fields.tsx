import { Button, Group, NativeSelect, NumberInput, TextInput } from '@mantine/core';
import { Comparison, Metric } from '@rewardgraph/api-client';
import type { NodeProblems, RuleNode } from './condition-model';

const METRICS = [
  { value: Metric.LOGIN_DAYS, label: 'Login days' },
  { value: Metric.ACTIVITY, label: 'Activity' },
];

/** The symbol as the API's description writes it, with words for a screen reader. */
const COMPARISONS = [
  { value: Comparison.GTE, label: '≥ at least' },
  { value: Comparison.GT, label: '> more than' },
  { value: Comparison.LTE, label: '≤ at most' },
  { value: Comparison.LT, label: '< less than' },
  { value: Comparison.EQ, label: '= exactly' },
];

export type RuleChanges = Partial<Omit<RuleNode, 'kind' | 'id'>>;

/**
 * One rule's controls, each named with the rule's position ("Rule 2.1 metric") so
 * several rules on one form stay apart for assistive technology and tests.
 */
export function ConditionRuleFields({
  rule,
  position,
  problems,
  onChange,
  onRemove,
}: {
  rule: RuleNode;
  position: string;
  problems?: NodeProblems;
  onChange: (changes: RuleChanges) => void;
  /** Absent for a rule that is the whole condition (choose "No condition" instead). */
  onRemove?: () => void;
}) {
  const name = `Rule ${position}`;
  return (
    <Group role="group" aria-label={name} align="flex-start" gap="sm" wrap="wrap">
      <NativeSelect
        label="Metric"
        aria-label={`${name} metric`}
        data={METRICS}
        value={rule.metric}
        onChange={(event) => onChange({ metric: event.currentTarget.value as Metric })}
        w={140}
      />
      {rule.metric === Metric.ACTIVITY && (
        <TextInput
          label="Activity"
          aria-label={`${name} activity`}
          placeholder="e.g. quest_clear"
          value={rule.activity}
          onChange={(event) => onChange({ activity: event.currentTarget.value })}
          error={problems?.activity}
          w={200}
        />
      )}
      <NativeSelect
        label="Comparison"
        aria-label={`${name} comparison`}
        data={COMPARISONS}
        value={rule.comparison}
        onChange={(event) => onChange({ comparison: event.currentTarget.value as Comparison })}
        w={140}
      />
      <NumberInput
        label="Value"
        aria-label={`${name} value`}
        min={0}
        allowDecimal={false}
        allowNegative={false}
        value={rule.value}
        onChange={(value) => onChange({ value: typeof value === 'number' ? value : '' })}
        error={problems?.value}
        w={130}
      />
      {onRemove && (
        <Button
          variant="subtle"
          color="red"
          mt={25}
          onClick={onRemove}
          aria-label={`Remove rule ${position}`}
        >
          Remove
        </Button>
      )}
    </Group>
  );
}
