import { Button, Group, NativeSelect, Paper, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { cannotAdd } from './condition-edits';
import type { Combinator, ConditionProblems, GroupNode } from './condition-model';
import { ConditionRuleFields, type RuleChanges } from './condition-rule-fields';

/** What the tree's controls do, bound to the editor's value. */
export interface ConditionActions {
  updateRule: (id: string, changes: RuleChanges) => void;
  setCombinator: (id: string, combinator: Combinator) => void;
  add: (groupId: string, kind: 'rule' | 'group') => void;
  remove: (id: string) => void;
}

const MATCH = [
  { value: 'all', label: 'All of these' },
  { value: 'any', label: 'Any of these' },
];

/**
 * A group and, inside it, its rules and groups. The top group's kind is the editor's
 * "All of / Any of" choice; a nested group chooses its own and may be removed. `name`
 * is the group's accessible name; `position` numbers what it holds ("2" → "2.1").
 */
export function ConditionGroup({
  group,
  name,
  position,
  depth,
  nodes,
  problems,
  actions,
}: {
  group: GroupNode;
  name: string;
  /** Null for the top group. */
  position: string | null;
  depth: number;
  /** Rules and groups in the whole tree, for the size limit. */
  nodes: number;
  problems: ConditionProblems;
  actions: ConditionActions;
}) {
  const message = problems.nodes[group.id]?.node;
  const messageId = `${group.id}-problem`;
  const childPosition = (index: number) => (position === null ? `${index + 1}` : `${position}.${index + 1}`);
  const ruleBlocked = cannotAdd(depth, 'rule', nodes);
  const groupBlocked = cannotAdd(depth, 'group', nodes);
  const to = position === null ? '' : ` to group ${position}`;

  return (
    <Paper
      withBorder
      p="sm"
      role="group"
      aria-label={name}
      aria-describedby={message ? messageId : undefined}
    >
      <Stack gap="sm">
        {position === null ? (
          <Text size="sm" fw={500}>
            {group.combinator === 'all' ? 'Every one of these must hold' : 'At least one of these must hold'}
          </Text>
        ) : (
          <Group justify="space-between" align="flex-end">
            <NativeSelect
              label="Match"
              aria-label={`Group ${position} match`}
              data={MATCH}
              value={group.combinator}
              onChange={(event) => actions.setCombinator(group.id, event.currentTarget.value as Combinator)}
              w={160}
            />
            <Button
              variant="subtle"
              color="red"
              onClick={() => actions.remove(group.id)}
              aria-label={`Remove group ${position}`}
            >
              Remove group
            </Button>
          </Group>
        )}
        {group.children.map((child, index) =>
          child.kind === 'rule' ? (
            <ConditionRuleFields
              key={child.id}
              rule={child}
              position={childPosition(index)}
              problems={problems.nodes[child.id]}
              onChange={(changes) => actions.updateRule(child.id, changes)}
              onRemove={() => actions.remove(child.id)}
            />
          ) : (
            <ConditionGroup
              key={child.id}
              group={child}
              name={`Group ${childPosition(index)}`}
              position={childPosition(index)}
              depth={depth + 1}
              nodes={nodes}
              problems={problems}
              actions={actions}
            />
          ),
        )}
        {message && (
          <Text id={messageId} size="sm" c="red.8">
            {message}
          </Text>
        )}
        <Group gap="xs">
          <Button
            variant="light"
            size="xs"
            leftSection={<IconPlus size={14} aria-hidden />}
            disabled={ruleBlocked !== null}
            onClick={() => actions.add(group.id, 'rule')}
            aria-label={`Add rule${to}`}
          >
            Add rule
          </Button>
          <Button
            variant="light"
            size="xs"
            leftSection={<IconPlus size={14} aria-hidden />}
            disabled={groupBlocked !== null}
            onClick={() => actions.add(group.id, 'group')}
            aria-label={`Add group${to}`}
          >
            Add group
          </Button>
          {groupBlocked && <Text size="xs">{ruleBlocked ?? groupBlocked}</Text>}
        </Group>
      </Stack>
    </Paper>
  );
}
