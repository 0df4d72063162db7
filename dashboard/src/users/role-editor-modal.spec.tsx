import { Role } from '@rewardgraph/api-client';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CombinedError, Provider, type Client } from 'urql';
import { renderWithTheme } from '../test/render';
import { stubClient, type StubAnswer } from '../test/stub-client';
import { RoleEditorModal } from './role-editor-modal';
import type { UserRow } from './user-row';

const PLAYER: UserRow = {
  id: 'u7',
  email: 'player@example.com',
  roles: [Role.USER],
  createdAt: '2026-11-01T00:00:00Z',
};

/** A client whose role update answers `result`; the calls show the variables sent. */
function answering(result: StubAnswer) {
  const client = stubClient({ mutation: { UpdateUserRoles: result } });
  return { client, executeMutation: client.executeMutation };
}

function renderEditor(client: Client, { user = PLAYER, isSelf = false } = {}) {
  const onSaved = jest.fn();
  renderWithTheme(
    <Provider value={client}>
      <RoleEditorModal user={user} isSelf={isSelf} onClose={() => undefined} onSaved={onSaved} />
    </Provider>,
  );
  return { onSaved, dialog: screen.getByRole('dialog', { name: `Edit roles of ${user.email}` }) };
}

const sentVariables = (executeMutation: jest.Mock) =>
  (executeMutation.mock.calls[0] as [{ variables: unknown }])[0].variables;

describe('RoleEditorModal', () => {
  it('checks the roles the user has, and sends the chosen ones in role order', async () => {
    const saved = { id: PLAYER.id, email: PLAYER.email, roles: [Role.OPERATOR, Role.USER] };
    const { client, executeMutation } = answering({ data: { updateUserRoles: saved } });
    const { onSaved, dialog } = renderEditor(client);
    const box = (name: string) => within(dialog).getByRole('checkbox', { name });

    expect(box('USER')).toBeChecked();
    expect(box('ADMIN')).not.toBeChecked();
    expect(within(dialog).getByRole('button', { name: 'Save roles' })).toBeDisabled();

    await userEvent.click(box('OPERATOR'));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save roles' }));

    expect(sentVariables(executeMutation)).toEqual({ id: 'u7', roles: [Role.OPERATOR, Role.USER] });
    expect(onSaved).toHaveBeenCalledWith(saved);
  });

  it("shows the server's refusal with its code, and keeps the dialog open", async () => {
    const refusal = new CombinedError({
      graphQLErrors: [
        { message: 'The last ADMIN cannot lose the ADMIN role', extensions: { code: 'CONFLICT' } },
      ],
    });
    const { client } = answering({ error: refusal });
    const admin = { ...PLAYER, roles: [Role.ADMIN] };
    const { onSaved, dialog } = renderEditor(client, { user: admin });

    await userEvent.click(within(dialog).getByRole('checkbox', { name: 'ADMIN' }));
    await userEvent.click(within(dialog).getByRole('checkbox', { name: 'AUDITOR' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save roles' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'The last ADMIN cannot lose the ADMIN role (CONFLICT)',
    );
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('asks for at least one role on the field, without calling the API', async () => {
    const { client, executeMutation } = answering({});
    const { dialog } = renderEditor(client);

    await userEvent.click(within(dialog).getByRole('checkbox', { name: 'USER' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save roles' }));

    expect(within(dialog).getByText('Choose at least one role')).toBeInTheDocument();
    expect(executeMutation).not.toHaveBeenCalled();
  });

  it("warns that the viewer's own session ends, only for their own roles", async () => {
    const { client } = answering({});
    renderEditor(client, { isSelf: true });
    expect(screen.getByText(/Saving ends all your sessions/)).toBeInTheDocument();
  });

  it('does not warn when editing someone else', () => {
    const { client } = answering({});
    renderEditor(client);
    expect(screen.queryByText(/Saving ends all your sessions/)).not.toBeInTheDocument();
  });
});
