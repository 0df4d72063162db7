import { Alert, Fieldset, Group, Radio, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import {
  addChild,
  changeShape,
  removeNode,
  setCombinator,
  shapeOf,
  updateRule,
  type ConditionShape,
} from './condition-edits';
import { ConditionGroup, type ConditionActions } from './condition-group';
import { conditionProblems, countNodes, type ConditionNode } from './condition-model';
import { ConditionRuleFields } from './condition-rule-fields';

/**
 * Builds a condition as a tree: no condition, one rule, or all-of / any-of groups that
 * nest. The editor shows its own checks next to each part, and `serverError` (the API's
 * refusal of the condition, naming the faulty path) inside its frame.
 */
export function ConditionEditor({
  label,
  value,
  onChange,
  serverError,
}: {
  /** The fieldset's legend, e.g. "Condition" or "Reward condition". */
  label: string;
  value: ConditionNode | null;
  onChange: (value: ConditionNode | null) => void;
  serverError?: string;
}) {
  const problems = useMemo(() => conditionProblems(value), [value]);
  const nodes = countNodes(value);
  const actions: ConditionActions = {
    updateRule: (id, changes) => value && onChange(updateRule(value, id, changes)),
    setCombinator: (id, combinator) => value && onChange(setCombinator(value, id, combinator)),
    add: (groupId, kind) => value && onChange(addChild(value, groupId, kind)),
    remove: (id) => value && onChange(removeNode(value, id)),
  };

  return (
    <Fieldset legend={label}>
      <Stack gap="sm">
        <Radio.Group
          label={`${label} type`}
          value={shapeOf(value)}
          onChange={(shape) => onChange(changeShape(value, shape as ConditionShape))}
        >
          <Group gap="md" mt={4}>
            <Radio value="none" label="No condition" />
            <Radio value="rule" label="Single rule" />
            <Radio value="all" label="All of" />
            <Radio value="any" label="Any of" />
          </Group>
        </Radio.Group>
        {serverError && (
          <Alert color="red" variant="light" title="The server refused this condition" role="alert">
            {serverError}
          </Alert>
        )}
        {problems.tree && (
          <Text size="sm" c="red.8">
            {problems.tree}
          </Text>
        )}
        {value === null && <Text size="sm">Every player qualifies.</Text>}
        {value?.kind === 'rule' && (
          <ConditionRuleFields
            rule={value}
            position="1"
            problems={problems.nodes[value.id]}
            onChange={(changes) => actions.updateRule(value.id, changes)}
          />
        )}
        {value?.kind === 'group' && (
          <ConditionGroup
            group={value}
            name={`${label}: ${value.combinator === 'all' ? 'all of these' : 'any of these'}`}
            position={null}
            depth={1}
            nodes={nodes}
            problems={problems}
            actions={actions}
          />
        )}
      </Stack>
    </Fieldset>
  );
}
