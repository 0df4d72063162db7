import { DateTimePicker } from '@mantine/dates';

/**
 * A date and time of the event's period (local time, to the minute), with every control
 * of its calendar named after the field ("Period start hours", "Set period start"), so
 * two pickers on one form stay apart. Days are named "15 January 2030".
 */
export function PeriodPicker({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
  error?: string;
}) {
  return (
    <DateTimePicker
      label={label}
      required
      placeholder="Pick a date and time"
      valueFormat="DD MMM YYYY HH:mm"
      value={value}
      onChange={onChange}
      error={error}
      ariaLabels={{
        previousMonth: `${label}: previous month`,
        nextMonth: `${label}: next month`,
        monthLevelControl: `${label}: choose the month`,
        yearLevelControl: `${label}: choose the year`,
        previousYear: `${label}: previous year`,
        nextYear: `${label}: next year`,
        previousDecade: `${label}: previous decade`,
        nextDecade: `${label}: next decade`,
      }}
      timePickerProps={{ hoursInputLabel: `${label} hours`, minutesInputLabel: `${label} minutes` }}
      submitButtonProps={{ 'aria-label': `Set ${label.toLowerCase()}` }}
    />
  );
}
