import { Comparison, Metric, type JsonObject } from '@rewardgraph/api-client';
import { addChild, changeShape, removeNode, updateRule } from './condition-edits';
import {
  conditionFromStored,
  conditionProblems,
  conditionToInput,
  hasConditionProblems,
  newGroup,
  newRule,
  type ConditionNode,
  type GroupNode,
} from './condition-model';

/** The stored form the API returns (docs/api.md, Conditions). */
const stored: JsonObject = {
  all: [
    { metric: 'loginDays', gte: 3 },
    {
      any: [
        { metric: 'activity:quest_clear', gte: 5 },
        { metric: 'activity:pvp_win', lt: 2 },
      ],
    },
  ],
};

describe('condition model', () => {
  it('reads the stored form into a tree and writes the typed input for mutations', () => {
    expect(conditionToInput(conditionFromStored(stored))).toEqual({
      all: [
        { rule: { metric: Metric.LOGIN_DAYS, comparison: Comparison.GTE, value: 3 } },
        {
          any: [
            {
              rule: {
                metric: Metric.ACTIVITY,
                activity: 'quest_clear',
                comparison: Comparison.GTE,
                value: 5,
              },
            },
            { rule: { metric: Metric.ACTIVITY, activity: 'pvp_win', comparison: Comparison.LT, value: 2 } },
          ],
        },
      ],
    });
  });

  it('reads null and {} as no condition, and refuses what it cannot read', () => {
    expect(conditionFromStored(null)).toBeNull();
    expect(conditionFromStored({})).toBeNull();
    expect(() => conditionFromStored({ metric: 'loginDays' })).toThrow('Unreadable rule');
  });

  it('finds nothing wrong with a stored condition', () => {
    expect(hasConditionProblems(conditionProblems(conditionFromStored(stored)))).toBe(false);
  });

  it('names each problem on the node it belongs to', () => {
    const emptyGroup = newGroup('any', []);
    const noActivity = { ...newRule(), metric: Metric.ACTIVITY, activity: '' };
    const badActivity = { ...newRule(), metric: Metric.ACTIVITY, activity: 'Quest Clear' };
    const noValue = { ...newRule(), value: '' as const };
    const tree = newGroup('all', [emptyGroup, noActivity, badActivity, noValue]);

    const { nodes } = conditionProblems(tree);

    expect(nodes[emptyGroup.id]).toEqual({ node: 'Add at least one rule or group, or remove this group' });
    expect(nodes[noActivity.id]).toEqual({ activity: 'Enter the activity name' });
    expect(nodes[badActivity.id]?.activity).toMatch(/lower-case letters/);
    expect(nodes[noValue.id]).toEqual({ value: 'Enter a whole number ≥ 0' });
    expect(nodes[tree.id]).toBeUndefined();
  });

  it('counts every rule and group against the limit of 50', () => {
    const tree = newGroup(
      'all',
      Array.from({ length: 50 }, () => newRule()),
    );
    expect(conditionProblems(tree).tree).toMatch(/At most 50 rules and groups in all \(now 51\)/);
  });

  it('refuses a tree deeper than 5 levels', () => {
    let tree: ConditionNode = newRule();
    for (let level = 0; level < 5; level += 1) tree = newGroup('all', [tree]);
    const deepest = (node: ConditionNode): ConditionNode =>
      node.kind === 'group' ? deepest(node.children[0]!) : node;
    expect(conditionProblems(tree).nodes[deepest(tree).id]?.node).toMatch(/deeper than 5 levels/);
  });
});

describe('condition edits', () => {
  it('turns a single rule into the first rule of a group and back', () => {
    const rule = { ...newRule(), value: 7 };
    const group = changeShape(rule, 'any') as GroupNode;
    expect(group).toMatchObject({ kind: 'group', combinator: 'any', children: [rule] });
    expect(changeShape(group, 'rule')).toBe(rule);
    expect(changeShape(group, 'none')).toBeNull();
  });

  it('adds, changes and removes nodes deep in the tree without touching the original', () => {
    const inner = newGroup('any');
    const tree = newGroup('all', [inner]);
    const grown = addChild(tree, inner.id, 'rule') as GroupNode;
    const added = (grown.children[0] as GroupNode).children[1]!;
    const changed = updateRule(grown, added.id, { metric: Metric.ACTIVITY, activity: 'pvp_win' });

    expect(inner.children).toHaveLength(1);
    expect(conditionToInput(changed)).toEqual({
      all: [
        {
          any: [
            { rule: { metric: Metric.LOGIN_DAYS, comparison: Comparison.GTE, value: 1 } },
            { rule: { metric: Metric.ACTIVITY, activity: 'pvp_win', comparison: Comparison.GTE, value: 1 } },
          ],
        },
      ],
    });
    expect(conditionToInput(removeNode(changed, inner.id))).toEqual({ all: [] });
  });
});
