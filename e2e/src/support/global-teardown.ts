import { dropRunData } from './databases';
import { stopStack } from './stack';

/** Stops the services, then drops this run's databases and keys: runs leave nothing behind. */
export default async function globalTeardown(): Promise<void> {
  const stack = globalThis.__E2E_STACK__;
  if (!stack) return;
  await stopStack(stack);
  await dropRunData(stack.info);
}
