import { Button, Group } from '@mantine/core';
import { DatePickerInput, type DatesRangeValue } from '@mantine/dates';
import { useState } from 'react';
import { lastDays, rangeProblem, type DayRange } from './date-range';

const PRESETS = [7, 30, 90] as const;

// The calendar's arrows and level buttons are icons only: give them names.
const CALENDAR_LABELS = {
  previousMonth: 'Previous month',
  nextMonth: 'Next month',
  previousYear: 'Previous year',
  nextYear: 'Next year',
  previousDecade: 'Previous decade',
  nextDecade: 'Next decade',
  monthLevelControl: 'Choose a month',
  yearLevelControl: 'Choose a year',
};

type Draft = DatesRangeValue<string>;

/**
 * The days the figures cover: a calendar range and quick "last N days" choices. A range
 * reaches the page only once both ends are picked.
 */
export function RangePicker({ range, onChange }: { range: DayRange; onChange: (range: DayRange) => void }) {
  // The half-picked range while the viewer chooses the second day.
  const [draft, setDraft] = useState<Draft | null>(null);
  const problem = rangeProblem(range);

  const pick = (value: Draft) => {
    const [from, to] = value;
    if (from && to) {
      setDraft(null);
      onChange({ from, to });
    } else {
      setDraft(value);
    }
  };

  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <DatePickerInput
        type="range"
        label="Date range"
        valueFormat="MMM D, YYYY"
        value={draft ?? [range.from, range.to]}
        onChange={pick}
        onDropdownClose={() => setDraft(null)}
        allowSingleDateInRange
        ariaLabels={CALENDAR_LABELS}
        error={problem}
        miw={260}
      />
      <Group gap="xs" role="group" aria-label="Quick ranges">
        {PRESETS.map((days) => {
          const preset = lastDays(days);
          const active = preset.from === range.from && preset.to === range.to;
          return (
            <Button
              key={days}
              size="sm"
              variant={active ? 'filled' : 'default'}
              aria-pressed={active}
              onClick={() => onChange(preset)}
            >
              Last {days} days
            </Button>
          );
        })}
      </Group>
    </Group>
  );
}
