import { notifications } from '@mantine/notifications';
import { apiProblem } from '../graphql/api-error';

export const notifyDone = (message: string) => notifications.show({ color: 'teal', message });

/** A refused or failed action, with the server's words and code. */
export function notifyFailed(action: string, error: unknown) {
  const problem = apiProblem(error);
  notifications.show({
    color: 'red',
    title: `${action} failed`,
    message: problem.code ? `${problem.message} (${problem.code})` : problem.message,
    autoClose: 8_000,
  });
}
