import { Alert } from '@mantine/core';
import { useViewer } from '../session/session-context';

/** Shown instead of a form to a viewer whose roles may read events but not change them. */
export function CannotEditNotice() {
  const { roles } = useViewer();
  return (
    <Alert color="yellow" title="You cannot edit events" role="note">
      Creating and changing events needs the OPERATOR or ADMIN role; you are signed in as {roles.join(', ')}.
      You can still open every event and read its rewards.
    </Alert>
  );
}
