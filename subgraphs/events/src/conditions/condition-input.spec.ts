import { conditionToJson, metricsOf } from './condition';
import { conditionFromInput, typedRule } from './condition-input';
import { Comparison, Metric, type ConditionInput } from './condition.input';
import { evaluate } from './evaluate';

const rule = (metric: Metric, comparison: Comparison, value: number, activity?: string): ConditionInput => ({
  rule: { metric, comparison, value, activity },
});
const loginDays = (value: number) => rule(Metric.LOGIN_DAYS, Comparison.GTE, value);

const refusalOf = (input: ConditionInput) => {
  try {
    conditionFromInput(input);
    return null;
  } catch (error) {
    return {
      code: (error as { extensions: { code: string } }).extensions.code,
      message: (error as Error).message,
    };
  }
};

describe('typed condition input', () => {
  it('when a typed condition combines rules, then it is stored in the JSON form clients read back', () => {
    const condition = conditionFromInput({
      all: [
        loginDays(3),
        {
          any: [
            rule(Metric.ACTIVITY, Comparison.GTE, 5, 'quest_clear'),
            rule(Metric.ACTIVITY, Comparison.GT, 0, 'pvp_win'),
          ],
        },
      ],
    });

    expect(conditionToJson(condition)).toEqual({
      all: [
        { metric: 'loginDays', gte: 3 },
        {
          any: [
            { metric: 'activity:quest_clear', gte: 5 },
            { metric: 'activity:pvp_win', gt: 0 },
          ],
        },
      ],
    });
    expect(metricsOf(condition)).toEqual(['loginDays', 'activity:quest_clear', 'activity:pvp_win']);
  });

  it('when each comparison is used, then it becomes its operator in the stored form', () => {
    const stored = Object.values(Comparison).map((comparison) =>
      conditionToJson(conditionFromInput(rule(Metric.LOGIN_DAYS, comparison, 2))),
    );

    expect(stored).toEqual([
      { metric: 'loginDays', gte: 2 },
      { metric: 'loginDays', gt: 2 },
      { metric: 'loginDays', lte: 2 },
      { metric: 'loginDays', lt: 2 },
      { metric: 'loginDays', eq: 2 },
    ]);
  });

  it('when there is no condition, then absent and null both mean none', () => {
    expect(conditionFromInput(undefined)).toBeNull();
    expect(conditionFromInput(null)).toBeNull();
  });

  it('when a typed rule is evaluated, then the explanation is the one the JSON form gave', () => {
    const condition = conditionFromInput(rule(Metric.ACTIVITY, Comparison.GTE, 3, 'quest_clear'));

    expect(evaluate([condition], {}).explanation).toBe('condition not met: activity:quest_clear 0 of 3');
  });

  it.each<[string, ConditionInput, string]>([
    ['nothing set', {}, 'condition needs exactly one of all, any or rule'],
    ['a rule and a list', { ...loginDays(1), all: [loginDays(2)] }, 'condition needs exactly one of'],
    ['all and any', { all: [loginDays(1)], any: [loginDays(2)] }, 'condition needs exactly one of'],
    [
      'an empty node deep inside',
      { all: [loginDays(1), { any: [{}] }] },
      'condition.all[1].any[0] needs exactly one',
    ],
    ['an empty list', { any: [] }, 'condition.any must not be empty'],
    [
      'ACTIVITY without a name',
      rule(Metric.ACTIVITY, Comparison.GTE, 1),
      'condition.rule.activity is required',
    ],
    [
      'a name on LOGIN_DAYS',
      { all: [rule(Metric.LOGIN_DAYS, Comparison.GTE, 1, 'quest')] },
      'condition.all[0].rule.activity is only for ACTIVITY',
    ],
    [
      'a malformed name',
      rule(Metric.ACTIVITY, Comparison.GTE, 1, 'Quest Clear'),
      'condition.rule.activity must be',
    ],
    [
      'a name longer than 64',
      rule(Metric.ACTIVITY, Comparison.GTE, 1, 'q'.repeat(65)),
      'condition.rule.activity',
    ],
    ['a negative value', rule(Metric.LOGIN_DAYS, Comparison.GTE, -1), 'condition.rule.value must be ≥ 0'],
    ['51 rules', { any: Array.from({ length: 51 }, () => loginDays(1)) }, 'condition has more than 50 rules'],
  ])('when the input has %s, then it is BAD_USER_INPUT naming the path', (_case, input, message) => {
    const refusal = refusalOf(input);

    expect(refusal?.code).toBe('BAD_USER_INPUT');
    expect(refusal?.message).toContain(message);
    expect(refusal?.message).not.toContain('Quest Clear');
  });

  it('when rules nest six levels deep, then the condition is refused; five levels are kept', () => {
    const nest = (levels: number): ConditionInput =>
      levels === 1 ? loginDays(1) : { all: [nest(levels - 1)] };

    expect(conditionFromInput(nest(5))).not.toBeNull();
    expect(refusalOf(nest(6))?.message).toContain('nests deeper than 5 levels');
  });

  it('when a list holds 50 rules in all, then it is kept', () => {
    expect(conditionFromInput({ any: Array.from({ length: 49 }, () => loginDays(1)) })).not.toBeNull();
  });

  it('when a stored rule is explained, then it reads back in the typed words of the input', () => {
    expect(typedRule('activity:quest_clear', 'gt')).toEqual({
      metric: Metric.ACTIVITY,
      activity: 'quest_clear',
      comparison: Comparison.GT,
    });
    expect(typedRule('loginDays', 'gte')).toEqual({
      metric: Metric.LOGIN_DAYS,
      activity: null,
      comparison: Comparison.GTE,
    });
  });
});
