import { conditionToJson, metricsOf, parseCondition } from './condition';
import { evaluate } from './evaluate';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return null;
  } catch (error) {
    return {
      code: (error as { extensions: { code: string } }).extensions.code,
      message: (error as Error).message,
    };
  }
};

describe('parsing conditions', () => {
  it('when a rule combines metrics, then it is kept in the same JSON shape', () => {
    const input = {
      all: [
        { metric: 'loginDays', gte: 3 },
        {
          any: [
            { metric: 'activity:quest_clear', gte: 5 },
            { metric: 'activity:pvp_win', gt: 1 },
          ],
        },
      ],
    };
    const parsed = parseCondition(input);
    expect(conditionToJson(parsed)).toEqual(input);
    expect(metricsOf(parsed)).toEqual(['loginDays', 'activity:quest_clear', 'activity:pvp_win']);
  });

  it('when there is no condition, then null means always met', () => {
    expect(parseCondition(null)).toBeNull();
    expect(parseCondition({})).toBeNull();
    expect(evaluate([null], {}).met).toBe(true);
  });

  it.each([
    [{ metric: 'coins', gte: 3 }, 'condition.metric is unknown'],
    [
      {
        all: [
          { metric: 'loginDays', gte: 1 },
          { metric: 'level', gte: 2 },
        ],
      },
      'condition.all[1].metric',
    ],
    [{ metric: 'loginDays' }, 'needs exactly one of'],
    [{ metric: 'loginDays', gte: 1, lt: 5 }, 'needs exactly one of'],
    [{ metric: 'loginDays', gte: -1 }, 'whole number'],
    [{ metric: 'loginDays', gte: 1.5 }, 'whole number'],
    [{ all: [] }, 'non-empty list'],
    [{ any: 'x' }, 'non-empty list'],
    [{ all: [{ metric: 'loginDays', gte: 1 }], extra: 1 }, 'only "all"'],
    [[1, 2], 'must be an object'],
    [{ nope: 1 }, 'must have "metric", "all" or "any"'],
  ])('when the rule is %j, then it is BAD_USER_INPUT naming the faulty part', (input, fragment) => {
    const refusal = codeOf(() => parseCondition(input));
    expect(refusal?.code).toBe('BAD_USER_INPUT');
    expect(refusal?.message).toContain(fragment);
  });

  it('when rules nest too deep, then the condition is refused', () => {
    let rule: object = { metric: 'loginDays', gte: 1 };
    for (let i = 0; i < 6; i++) rule = { all: [rule] };
    expect(codeOf(() => parseCondition(rule))?.message).toContain('deeper');
  });
});

describe('evaluating conditions', () => {
  const rule = parseCondition({
    all: [
      { metric: 'loginDays', gte: 3 },
      { metric: 'activity:quest_clear', gte: 5 },
    ],
  });

  it('when a metric falls short, then the explanation says which and by how much', () => {
    const result = evaluate([rule], { loginDays: 2, 'activity:quest_clear': 7 });
    expect(result.met).toBe(false);
    expect(result.explanation).toBe('condition not met: loginDays 2 of 3');
    expect(result.rules.map((r) => [r.metric, r.met])).toEqual([
      ['loginDays', false],
      ['activity:quest_clear', true],
    ]);
  });

  it('when every metric is met, then the condition holds', () => {
    expect(evaluate([rule], { loginDays: 3, 'activity:quest_clear': 5 })).toMatchObject({
      met: true,
      explanation: 'all conditions met',
    });
  });

  it('when any-of fails, then every alternative is explained; event and reward conditions both apply', () => {
    const anyOf = parseCondition({
      any: [
        { metric: 'activity:a', gte: 2 },
        { metric: 'activity:b', eq: 1 },
      ],
    });
    const result = evaluate([anyOf, parseCondition({ metric: 'loginDays', gte: 1 })], {});
    expect(result.explanation).toBe(
      'condition not met: one of: activity:a 0 of 2 or activity:b 0, needs = 1; loginDays 0 of 1',
    );
  });
});
