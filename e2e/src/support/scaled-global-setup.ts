import { planScaledStack, upScaled } from './scaled-stack';

/** The scaled mode's stack (jest.scaled.config.js): every instance behind nginx, started by scripts/scaled/up.sh. */
export default async function scaledGlobalSetup(): Promise<void> {
  const info = planScaledStack();
  process.env.E2E_STACK = JSON.stringify(info);
  await upScaled(info);
}
