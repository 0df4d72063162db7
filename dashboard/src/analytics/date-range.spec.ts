import { dayCount, isDay, lastDays, rangeProblem, readRange, toDateRangeInput } from './date-range';

const NOW = Date.parse('2026-11-25T22:30:00Z');

describe('toDateRangeInput', () => {
  it('starts at the first day’s midnight (UTC) and ends at the start of the day after the last', () => {
    expect(toDateRangeInput({ from: '2026-11-01', to: '2026-11-30' })).toEqual({
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-12-01T00:00:00.000Z',
    });
  });

  it('covers one whole day when the first and last days are the same', () => {
    expect(toDateRangeInput({ from: '2026-02-28', to: '2026-02-28' })).toEqual({
      from: '2026-02-28T00:00:00.000Z',
      to: '2026-03-01T00:00:00.000Z',
    });
  });

  it('crosses a year end', () => {
    expect(toDateRangeInput({ from: '2026-12-31', to: '2026-12-31' }).to).toBe('2027-01-01T00:00:00.000Z');
  });
});

describe('day ranges', () => {
  it('takes the last N days with today (UTC) as the last', () => {
    expect(lastDays(7, NOW)).toEqual({ from: '2026-11-19', to: '2026-11-25' });
    expect(dayCount(lastDays(30, NOW))).toBe(30);
    expect(dayCount(lastDays(90, NOW))).toBe(90);
  });

  it('reads the range in the address, or falls back to the last 30 days', () => {
    expect(readRange('2026-10-01', '2026-10-31', NOW)).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(readRange('', '', NOW)).toEqual({ from: '2026-10-27', to: '2026-11-25' });
    expect(readRange('2026-02-30', '2026-03-01', NOW)).toEqual(lastDays(30, NOW));
    expect(readRange('yesterday', '2026-03-01', NOW)).toEqual(lastDays(30, NOW));
  });

  it('knows real calendar days', () => {
    expect(isDay('2028-02-29')).toBe(true);
    expect(isDay('2026-02-29')).toBe(false);
    expect(isDay('2026-1-01')).toBe(false);
  });

  it('refuses what the API would: a reversed range, or more than 366 days', () => {
    expect(rangeProblem({ from: '2026-11-02', to: '2026-11-01' })).toMatch(/before/);
    expect(rangeProblem({ from: '2026-01-01', to: '2027-01-01' })).toBeUndefined();
    expect(rangeProblem({ from: '2026-01-01', to: '2027-01-02' })).toMatch(/366/);
  });
});
