import type { JsonObject } from '@rewardgraph/api-client';
import { conditionText } from './condition-text';

describe('conditionText', () => {
  it('says there is no condition', () => {
    expect(conditionText(null)).toBe('No condition');
  });

  it('reads a single rule with its metric and comparison', () => {
    expect(conditionText({ metric: 'loginDays', gte: 3 })).toBe('login days ≥ 3');
    expect(conditionText({ metric: 'activity:pvp_win', gt: 0 })).toBe('pvp_win > 0');
    expect(conditionText({ metric: 'activity:quest_clear', eq: 5 })).toBe('quest_clear = 5');
  });

  it('brackets nested groups and joins them with and / or', () => {
    const condition: JsonObject = {
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
    expect(conditionText(condition)).toBe('login days ≥ 3 and (quest_clear ≥ 5 or pvp_win < 2)');
  });
});
