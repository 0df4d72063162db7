import { planStack, startStack, type RunningStack } from './stack';

declare global {
  var __E2E_STACK__: RunningStack | undefined;
}

export default async function globalSetup(): Promise<void> {
  const stack = await startStack(planStack());
  globalThis.__E2E_STACK__ = stack;
  process.env.E2E_STACK = JSON.stringify(stack.info);
}
