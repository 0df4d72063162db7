import { dayOf, dayRange, daysOf, timeline } from './days';

const at = (iso: string) => new Date(iso);

describe('day buckets', () => {
  it('when a range ends at midnight, then that last day is not part of it', () => {
    expect(dayRange({ from: at('2026-11-01T10:00:00Z'), to: at('2026-11-03T00:00:00Z') })).toEqual({
      $gte: '2026-11-01',
      $lte: '2026-11-02',
    });
    expect(dayOf(at('2026-11-25T23:59:59Z'))).toBe('2026-11-25');
  });

  it('when a range is empty, reversed or longer than 366 days, then it is BAD_USER_INPUT', () => {
    const from = at('2026-01-01T00:00:00Z');
    for (const to of [from, at('2025-12-31T00:00:00Z'), at('2027-01-03T00:00:00Z')]) {
      expect(() => dayRange({ from, to })).toThrow(
        expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }),
      );
    }
  });
});

describe('timelines', () => {
  it('when a range spans 56 days from midnight to midnight, then it has 56 days, across a month end', () => {
    const days = daysOf({ from: at('2026-01-20T00:00:00Z'), to: at('2026-03-17T00:00:00Z') });

    expect(days).toHaveLength(56);
    expect(days[0]).toBe('2026-01-20');
    expect(days).toContain('2026-02-28');
    expect(days).toContain('2026-03-01');
    expect(days.at(-1)).toBe('2026-03-16');
  });

  it('when a range starts and ends within days, then every day it touches is in it', () => {
    expect(daysOf({ from: at('2026-11-01T22:00:00Z'), to: at('2026-11-03T00:00:01Z') })).toEqual([
      '2026-11-01',
      '2026-11-02',
      '2026-11-03',
    ]);
    expect(daysOf({ from: at('2026-11-01T10:00:00Z'), to: at('2026-11-01T11:00:00Z') })).toEqual([
      '2026-11-01',
    ]);
  });

  it('when a range spans the full 366 days, then a leap year has every one of its days', () => {
    const days = daysOf({ from: at('2028-01-01T00:00:00Z'), to: at('2029-01-01T00:00:00Z') });

    expect(days).toHaveLength(366);
    expect(days).toContain('2028-02-29');
    expect(new Set(days).size).toBe(366);
  });

  it('when only some days hold data, then the others are zero and the order is by day', () => {
    const range = { from: at('2026-11-01T00:00:00Z'), to: at('2026-11-05T00:00:00Z') };

    expect(
      timeline(
        range,
        new Map([
          ['2026-11-03', 4],
          ['2026-11-01', 2],
        ]),
      ),
    ).toEqual([
      { day: '2026-11-01', count: 2 },
      { day: '2026-11-02', count: 0 },
      { day: '2026-11-03', count: 4 },
      { day: '2026-11-04', count: 0 },
    ]);
  });

  it('when the database holds no day of the range, then every day is zero', () => {
    const range = { from: at('2026-11-01T00:00:00Z'), to: at('2026-11-03T00:00:00Z') };

    expect(timeline(range, new Map())).toEqual([
      { day: '2026-11-01', count: 0 },
      { day: '2026-11-02', count: 0 },
    ]);
  });
});
