import { dayOf, dayRange } from './days';

describe('day buckets', () => {
  it('when a range ends at midnight, then that last day is not part of it', () => {
    expect(
      dayRange({ from: new Date('2026-11-01T10:00:00Z'), to: new Date('2026-11-03T00:00:00Z') }),
    ).toEqual({
      $gte: '2026-11-01',
      $lte: '2026-11-02',
    });
    expect(dayOf(new Date('2026-11-25T23:59:59Z'))).toBe('2026-11-25');
  });

  it('when a range is empty, reversed or longer than 366 days, then it is BAD_USER_INPUT', () => {
    const at = new Date('2026-01-01T00:00:00Z');
    for (const to of [at, new Date('2025-12-31T00:00:00Z'), new Date('2027-01-03T00:00:00Z')]) {
      expect(() => dayRange({ from: at, to })).toThrow(
        expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }),
      );
    }
  });
});
