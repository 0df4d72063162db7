import { type StackInfo } from './stack';

/** The running stack that global-setup started. */
export function stack(): StackInfo {
  const raw = process.env.E2E_STACK;
  if (!raw)
    throw new Error('E2E_STACK is not set: run the e2e suite through jest (global-setup starts the stack)');
  return JSON.parse(raw) as StackInfo;
}
