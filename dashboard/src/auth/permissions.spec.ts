import { Role } from '@rewardgraph/api-client';
import { can } from './permissions';

describe('can', () => {
  it('lets an AUDITOR in and read, but change nothing', () => {
    expect(can([Role.AUDITOR], 'enter')).toBe(true);
    for (const action of [
      'events:write',
      'events:delete',
      'rewards:write',
      'requests:review',
      'users:manage',
    ] as const) {
      expect(can([Role.AUDITOR], action)).toBe(false);
    }
  });

  it('lets an OPERATOR manage events and review, but not delete or manage users', () => {
    expect(can([Role.OPERATOR], 'events:write')).toBe(true);
    expect(can([Role.OPERATOR], 'requests:review')).toBe(true);
    expect(can([Role.OPERATOR], 'events:delete')).toBe(false);
    expect(can([Role.OPERATOR], 'users:manage')).toBe(false);
  });

  it('keeps a player (USER only) out of the dashboard', () => {
    expect(can([Role.USER], 'enter')).toBe(false);
  });

  it('adds up several roles', () => {
    expect(can([Role.AUDITOR, Role.ADMIN], 'users:manage')).toBe(true);
  });
});
