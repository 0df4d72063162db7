import { Alert, Button, Checkbox, Group, Modal, Stack } from '@mantine/core';
import { Role, UpdateUserRolesDocument, type UpdateUserRolesMutation } from '@rewardgraph/api-client';
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { apiProblem, fieldProblems } from '../graphql/api-error';
import { ErrorNotice } from '../ui/query-state';
import { inRoleOrder, ROLE_DESCRIPTIONS, ROLE_ORDER } from './roles';
import type { UserRow } from './user-row';

export type SavedUser = UpdateUserRolesMutation['updateUserRoles'];

interface RoleEditorProps {
  /** The user whose roles are edited; the modal is closed while null. */
  user: UserRow | null;
  /** The user is the viewer: saving ends the viewer's own sessions. */
  isSelf: boolean;
  onClose: () => void;
  onSaved: (user: SavedUser) => void;
}

/** "Edit roles": one checkbox per role, saved with updateUserRoles. */
export function RoleEditorModal({ user, isSelf, onClose, onSaved }: RoleEditorProps) {
  return (
    <Modal
      opened={user !== null}
      onClose={onClose}
      title={user ? `Edit roles of ${user.email}` : 'Edit roles'}
    >
      {user && (
        <RoleEditorForm key={user.id} user={user} isSelf={isSelf} onCancel={onClose} onSaved={onSaved} />
      )}
    </Modal>
  );
}

const sameRoles = (a: readonly Role[], b: readonly Role[]) => inRoleOrder(a).join() === inRoleOrder(b).join();

function RoleEditorForm({
  user,
  isSelf,
  onCancel,
  onSaved,
}: {
  user: UserRow;
  isSelf: boolean;
  onCancel: () => void;
  onSaved: (user: SavedUser) => void;
}) {
  const [roles, setRoles] = useState<Role[]>(user.roles);
  const [noRole, setNoRole] = useState(false);
  const [{ fetching, error }, updateRoles] = useMutation(UpdateUserRolesDocument);
  const problem = error ? apiProblem(error) : undefined;
  const serverFieldError = fieldProblems(problem).roles;

  const choose = (chosen: Role[]) => {
    setRoles(chosen);
    setNoRole(false);
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (roles.length === 0) {
      setNoRole(true);
      return;
    }
    const result = await updateRoles({ id: user.id, roles: inRoleOrder(roles) });
    if (result.data) onSaved(result.data.updateUserRoles);
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack>
        {isSelf && (
          <Alert color="yellow" title="These are your own roles">
            Saving ends all your sessions: you will sign in again with the new roles.
            {!roles.includes(Role.ADMIN) && ' Without ADMIN you will no longer manage users.'}
          </Alert>
        )}
        <Checkbox.Group<Role>
          label="Roles"
          description="A user needs at least one role. Saving ends this user's sessions."
          value={roles}
          onChange={choose}
          error={noRole ? 'Choose at least one role' : serverFieldError}
        >
          <Stack gap="xs" mt="xs">
            {ROLE_ORDER.map((role) => (
              <Checkbox key={role} value={role} label={role} description={ROLE_DESCRIPTIONS[role]} />
            ))}
          </Stack>
        </Checkbox.Group>
        {error && !serverFieldError && <ErrorNotice error={error} title="Roles not saved" />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={fetching} disabled={sameRoles(roles, user.roles)}>
            Save roles
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
