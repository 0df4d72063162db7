import { dropRunData } from './databases';
import { stack } from './env';
import { downScaled } from './scaled-stack';

/** Stops every instance and the balancer (scripts/scaled/down.sh), then drops the run's databases and keys. */
export default async function scaledGlobalTeardown(): Promise<void> {
  const info = stack();
  await downScaled(info);
  await dropRunData(info);
}
