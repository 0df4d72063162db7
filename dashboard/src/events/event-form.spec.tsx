import { EventStatus } from '@rewardgraph/api-client';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CombinedError } from 'urql';
import { renderWithTheme } from '../test/render';
import { EventForm } from './event-form';
import type { EventFormValues } from './event-form-values';

const values = (changes: Partial<EventFormValues>): EventFormValues => ({
  name: 'Winter Festival',
  description: '',
  periodStart: '2030-01-10 10:00:00',
  periodEnd: '2030-01-20 10:00:00',
  status: EventStatus.DRAFT,
  condition: null,
  ...changes,
});

/** An API refusal as urql gives it. */
const refusal = (message: string, extensions: Record<string, unknown>) =>
  new CombinedError({ graphQLErrors: [{ message, extensions }] });

function renderForm(initial: EventFormValues, onSubmit: jest.Mock<Promise<unknown>>) {
  renderWithTheme(
    <EventForm initial={initial} submitLabel="Create event" onSubmit={onSubmit} onCancel={jest.fn()} />,
  );
}

describe('EventForm', () => {
  it('refuses a period that ends before it starts, on the end field, without sending', async () => {
    const user = userEvent.setup();
    const onSubmit = jest.fn<Promise<unknown>, [EventFormValues]>();
    renderForm(values({ periodEnd: '2030-01-05 10:00:00' }), onSubmit);

    await user.click(screen.getByRole('button', { name: 'Create event' }));

    expect(screen.getByRole('button', { name: 'Period end' })).toHaveAccessibleDescription(
      'The end must be after the start',
    );
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('does not send while the condition has a problem', async () => {
    const user = userEvent.setup();
    const onSubmit = jest.fn<Promise<unknown>, [EventFormValues]>();
    renderForm(values({}), onSubmit);

    await user.click(screen.getByRole('radio', { name: 'Single rule' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Rule 1 metric' }), 'ACTIVITY');
    await user.click(screen.getByRole('button', { name: 'Create event' }));

    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByText('Fix the fields marked in red, then save again.')).toBeInTheDocument();
  });

  it("puts the server's field error on its field until the field changes", async () => {
    const user = userEvent.setup();
    const onSubmit = jest.fn<Promise<unknown>, [EventFormValues]>().mockResolvedValue(
      refusal('Invalid input', {
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'name', problems: ['name must be shorter than or equal to 200 characters'] }],
      }),
    );
    renderForm(values({}), onSubmit);

    await user.click(screen.getByRole('button', { name: 'Create event' }));

    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ name: 'Winter Festival' }));
    const name = screen.getByRole('textbox', { name: 'Name' });
    expect(name).toHaveAccessibleDescription('name must be shorter than or equal to 200 characters');
    await user.type(name, '!');
    expect(name).not.toHaveAccessibleDescription();
  });

  it("shows the server's refusal of the condition inside the condition editor", async () => {
    const user = userEvent.setup();
    const message = 'condition.all[1].rule.activity must be 1–64 lower-case letters, digits, _ . -';
    const onSubmit = jest
      .fn<Promise<unknown>, [EventFormValues]>()
      .mockResolvedValue(refusal(message, { code: 'BAD_USER_INPUT', field: 'condition' }));
    renderForm(values({}), onSubmit);

    await user.click(screen.getByRole('button', { name: 'Create event' }));

    expect(within(screen.getByRole('group', { name: 'Condition' })).getByRole('alert')).toHaveTextContent(
      message,
    );
  });

  it('shows a refusal that names no field above the form', async () => {
    const user = userEvent.setup();
    const onSubmit = jest
      .fn<Promise<unknown>, [EventFormValues]>()
      .mockResolvedValue(refusal('Only ADMIN or OPERATOR may do this', { code: 'FORBIDDEN' }));
    renderForm(values({}), onSubmit);

    await user.click(screen.getByRole('button', { name: 'Create event' }));

    expect(screen.getByRole('alert')).toHaveTextContent('Only ADMIN or OPERATOR may do this (FORBIDDEN)');
  });
});
