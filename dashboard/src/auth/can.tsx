import type { ReactNode } from 'react';
import { useViewer } from '../session/session-context';
import { can, type Action } from './permissions';

/** Whether the signed-in viewer may do `action`. */
export function useCan(action: Action): boolean {
  return can(useViewer().roles, action);
}

/** Renders its children only for a viewer allowed to do `action` (an AUDITOR sees no edit controls). */
export function Can({
  action,
  children,
  otherwise = null,
}: {
  action: Action;
  children: ReactNode;
  otherwise?: ReactNode;
}) {
  return useCan(action) ? children : otherwise;
}
