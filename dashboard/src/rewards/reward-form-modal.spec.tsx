import { Role, type RewardFieldsFragment } from '@rewardgraph/api-client';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CombinedError } from 'urql';
import { renderForViewer } from '../test/render-for-viewer';
import { sessionAs } from '../test/session-as';
import { stubClient, type StubAnswer } from '../test/stub-client';
import { RewardFormModal } from './reward-form-modal';

function renderForm(answer: StubAnswer, reward?: RewardFieldsFragment) {
  const client = stubClient({ mutation: { CreateReward: answer, UpdateReward: answer } });
  const onClose = jest.fn();
  renderForViewer(<RewardFormModal reward={reward} onClose={onClose} />, {
    session: sessionAs([Role.OPERATOR]),
    client,
  });
  const sent = () => client.executeMutation.mock.calls.map(([request]) => request.variables);
  return { sent, onClose };
}

const snowSword: RewardFieldsFragment = {
  __typename: 'ItemReward',
  id: 'r1',
  type: 'ITEM',
  name: 'Snow sword',
  itemId: 'snow-sword',
  quantity: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('RewardFormModal', () => {
  it('shows exactly the item fields for ITEM and sends only those with the name and type', async () => {
    const user = userEvent.setup();
    const { sent, onClose } = renderForm({ data: { createReward: snowSword } });

    expect(screen.queryByLabelText(/Item id/)).not.toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Item' }));
    // Name, Item id and Quantity, and no other text or number field.
    expect(screen.getAllByRole('textbox')).toEqual(
      ['Name', 'Item id', 'Quantity'].map((name) => screen.getByRole('textbox', { name })),
    );
    expect(screen.queryByRole('button', { name: /Expiry/ })).not.toBeInTheDocument();

    await user.type(screen.getByLabelText(/Name/), '  Snow sword ');
    await user.type(screen.getByLabelText(/Item id/), 'snow-sword');
    await user.type(screen.getByLabelText(/Quantity/), '2');
    await user.click(screen.getByRole('button', { name: 'Create reward' }));

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    // toStrictEqual: a key of another type, even undefined, would fail this.
    expect(sent()).toStrictEqual([
      { input: { type: 'ITEM', name: 'Snow sword', itemId: 'snow-sword', quantity: 2 } },
    ]);
  });

  it("shows the server's field problem on its field and keeps the form open", async () => {
    const user = userEvent.setup();
    const error = new CombinedError({
      graphQLErrors: [
        {
          message: 'Invalid input',
          extensions: {
            code: 'BAD_USER_INPUT',
            fields: [{ field: 'input.quantity', problems: ['quantity must not be greater than 10000'] }],
          },
        },
      ],
    });
    const { onClose } = renderForm({ error });

    await user.click(screen.getByRole('radio', { name: 'Item' }));
    await user.type(screen.getByLabelText(/Name/), 'Crate');
    await user.type(screen.getByLabelText(/Item id/), 'crate');
    await user.type(screen.getByLabelText(/Quantity/), '5');
    await user.click(screen.getByRole('button', { name: 'Create reward' }));

    const quantity = screen.getByLabelText(/Quantity/);
    await waitFor(() => expect(quantity).toHaveAttribute('aria-invalid', 'true'));
    expect(quantity).toHaveAccessibleDescription(/quantity must not be greater than 10000/);
    expect(screen.getByLabelText(/Item id/)).not.toHaveAttribute('aria-invalid', 'true');
    expect(onClose).not.toHaveBeenCalled();
  });

  it('checks the chosen type’s fields before asking the server', async () => {
    const user = userEvent.setup();
    const { sent } = renderForm({ data: {} });

    await user.click(screen.getByRole('button', { name: 'Create reward' }));
    expect(screen.getByRole('radiogroup', { name: /Type/ })).toHaveAccessibleDescription(/Pick the type/);

    await user.click(screen.getByRole('radio', { name: 'Coupon' }));
    await user.type(screen.getByLabelText(/Name/), 'Gift');
    await user.click(screen.getByRole('button', { name: 'Create reward' }));
    expect(screen.getByLabelText(/Coupon code/)).toHaveAccessibleDescription(/Enter the coupon code/);
    expect(screen.getByText('Pick when the coupon expires')).toBeInTheDocument();
    expect(sent()).toEqual([]);
  });

  it('edits with the type fixed and sends only what changed', async () => {
    const user = userEvent.setup();
    const { sent } = renderForm({ data: { updateReward: snowSword } }, snowSword);

    expect(screen.queryByRole('radio')).not.toBeInTheDocument();
    const save = screen.getByRole('button', { name: 'Save changes' });
    expect(save).toBeDisabled();
    const quantity = screen.getByLabelText(/Quantity/);
    await user.clear(quantity);
    await user.type(quantity, '3');
    await user.click(save);

    await waitFor(() => expect(sent()).toStrictEqual([{ id: 'r1', input: { quantity: 3 } }]));
  });
});
