import { NumberInput, TextInput } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import type { RewardFormErrors, RewardFormValues } from './reward-form-values';

/** The fields of the chosen type of reward, and no other type's. */
export function RewardTypeFields({
  values,
  errors,
  onChange,
}: {
  values: RewardFormValues;
  errors: RewardFormErrors;
  onChange: (changes: Partial<RewardFormValues>) => void;
}) {
  const count = (value: string | number) => (typeof value === 'number' ? value : '');
  switch (values.type) {
    case 'POINT':
      return (
        <NumberInput
          label="Points"
          description="1 to 1,000,000"
          required
          min={1}
          max={1_000_000}
          allowDecimal={false}
          allowNegative={false}
          thousandSeparator=","
          value={values.points}
          onChange={(value) => onChange({ points: count(value) })}
          error={errors.points}
        />
      );
    case 'ITEM':
      return (
        <>
          <TextInput
            label="Item id"
            description="The game's id of the item"
            required
            value={values.itemId}
            onChange={(event) => onChange({ itemId: event.currentTarget.value })}
            error={errors.itemId}
          />
          <NumberInput
            label="Quantity"
            description="1 to 10,000"
            required
            min={1}
            max={10_000}
            allowDecimal={false}
            allowNegative={false}
            value={values.quantity}
            onChange={(value) => onChange({ quantity: count(value) })}
            error={errors.quantity}
          />
        </>
      );
    case 'COUPON':
      return (
        <>
          <TextInput
            label="Coupon code"
            required
            value={values.couponCode}
            onChange={(event) => onChange({ couponCode: event.currentTarget.value })}
            error={errors.couponCode}
          />
          <DateTimePicker
            label="Expiry"
            description="In your time zone"
            required
            valueFormat="YYYY-MM-DD HH:mm"
            value={values.expiry}
            onChange={(expiry) => onChange({ expiry })}
            error={errors.expiry}
          />
        </>
      );
    case 'BADGE':
      return (
        <TextInput
          label="Badge id"
          description="The game's id of the badge"
          required
          value={values.badgeId}
          onChange={(event) => onChange({ badgeId: event.currentTarget.value })}
          error={errors.badgeId}
        />
      );
    case null:
      return null;
  }
}
