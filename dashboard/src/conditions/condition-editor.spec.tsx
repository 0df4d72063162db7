import { Comparison, Metric, type ConditionInput } from '@rewardgraph/api-client';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { renderWithTheme } from '../test/render';
import { ConditionEditor } from './condition-editor';
import { conditionToInput, type ConditionNode } from './condition-model';

/** The editor as a form holds it, reporting each ConditionInput it would send. */
function Harness({ serverError, emitted }: { serverError?: string; emitted: (ConditionInput | null)[] }) {
  const [value, setValue] = useState<ConditionNode | null>(null);
  return (
    <ConditionEditor
      label="Condition"
      value={value}
      serverError={serverError}
      onChange={(next) => {
        emitted.push(conditionToInput(next));
        setValue(next);
      }}
    />
  );
}

const last = <T,>(list: T[]) => list[list.length - 1];

describe('ConditionEditor', () => {
  it('builds an all-of group of two rules from the controls', async () => {
    const user = userEvent.setup();
    const emitted: (ConditionInput | null)[] = [];
    renderWithTheme(<Harness emitted={emitted} />);

    await user.click(screen.getByRole('radio', { name: 'All of' }));
    await user.click(screen.getByRole('button', { name: 'Add rule' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Rule 2 metric' }), Metric.ACTIVITY);
    await user.type(screen.getByRole('textbox', { name: 'Rule 2 activity' }), 'quest_clear');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Rule 2 comparison' }), Comparison.GT);
    const value = screen.getByRole('textbox', { name: 'Rule 2 value' });
    await user.clear(value);
    await user.type(value, '4');

    expect(screen.getByRole('group', { name: 'Condition: all of these' })).toBeInTheDocument();
    expect(last(emitted)).toEqual({
      all: [
        { rule: { metric: Metric.LOGIN_DAYS, comparison: Comparison.GTE, value: 1 } },
        { rule: { metric: Metric.ACTIVITY, activity: 'quest_clear', comparison: Comparison.GT, value: 4 } },
      ],
    });
  });

  it('removes a rule, and says an emptied group needs one', async () => {
    const user = userEvent.setup();
    const emitted: (ConditionInput | null)[] = [];
    renderWithTheme(<Harness emitted={emitted} />);

    await user.click(screen.getByRole('radio', { name: 'Any of' }));
    await user.click(screen.getByRole('button', { name: 'Add rule' }));
    await user.click(screen.getByRole('button', { name: 'Remove rule 1' }));

    expect(last(emitted)).toEqual({
      any: [{ rule: { metric: Metric.LOGIN_DAYS, comparison: Comparison.GTE, value: 1 } }],
    });
    expect(screen.queryByRole('group', { name: 'Rule 2' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Remove rule 1' }));
    expect(screen.getByText('Add at least one rule or group, or remove this group')).toBeInTheDocument();
  });

  it('nests a group whose controls are named by their position', async () => {
    const user = userEvent.setup();
    const emitted: (ConditionInput | null)[] = [];
    renderWithTheme(<Harness emitted={emitted} />);

    await user.click(screen.getByRole('radio', { name: 'All of' }));
    await user.click(screen.getByRole('button', { name: 'Add group' }));
    const group = screen.getByRole('group', { name: 'Group 2' });
    await user.selectOptions(within(group).getByRole('combobox', { name: 'Group 2 match' }), 'any');
    await user.click(within(group).getByRole('button', { name: 'Add rule to group 2' }));

    expect(within(group).getByRole('group', { name: 'Rule 2.2' })).toBeInTheDocument();
    expect(last(emitted)).toEqual({
      all: [
        { rule: { metric: Metric.LOGIN_DAYS, comparison: Comparison.GTE, value: 1 } },
        {
          any: [
            { rule: { metric: Metric.LOGIN_DAYS, comparison: Comparison.GTE, value: 1 } },
            { rule: { metric: Metric.LOGIN_DAYS, comparison: Comparison.GTE, value: 1 } },
          ],
        },
      ],
    });
  });

  it('marks a rule with ACTIVITY and no name on its activity field', async () => {
    const user = userEvent.setup();
    renderWithTheme(<Harness emitted={[]} />);

    await user.click(screen.getByRole('radio', { name: 'Single rule' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Rule 1 metric' }), Metric.ACTIVITY);

    expect(screen.getByRole('textbox', { name: 'Rule 1 activity' })).toHaveAccessibleDescription(
      'Enter the activity name',
    );
  });

  it('shows the server refusal inside the editor', () => {
    const message = 'condition.all[1].rule.activity must be 1–64 lower-case letters, digits, _ . -';
    renderWithTheme(<Harness emitted={[]} serverError={message} />);

    const editor = screen.getByRole('group', { name: 'Condition' });
    expect(within(editor).getByRole('alert')).toHaveTextContent(message);
  });
});
