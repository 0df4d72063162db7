import { setTimeout as sleep } from 'node:timers/promises';
import { type GraphQLResult } from './graphql';

/** Answers that tell a client to send the same call again (with the same idempotency key). */
const RETRY_CODES = new Set(['SERVICE_UNAVAILABLE', 'RATE_LIMITED']);

/** Every answer a call got, in order: `ok`, a retry code, or what was not designed. */
export interface CallLog {
  answers: string[];
  undesigned: string[];
}

export const newCallLog = (): CallLog => ({ answers: [], undesigned: [] });

/**
 * Sends `call` until its answer is final, as a well-behaved client does: a retry code
 * (SERVICE_UNAVAILABLE, RATE_LIMITED) or an answer that `pending` says is not decided yet
 * is sent again after a moment, everything else is final. Any answer that is neither ok
 * nor a retry code (another error code, no data, a failed fetch) is recorded as
 * undesigned, with the step's name. Returns the final answer's data.
 */
export async function untilFinal<T>(
  log: CallLog,
  step: string,
  call: () => Promise<GraphQLResult<T>>,
  { pending = () => false, attempts = 60 }: { pending?: (data: T) => boolean; attempts?: number } = {},
): Promise<T | undefined> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    let result: GraphQLResult<T>;
    try {
      result = await call();
    } catch (error) {
      log.undesigned.push(`${step}: ${(error as Error).message}`);
      return undefined;
    }
    const codes = (result.errors ?? []).map((e) => String(e.extensions?.code));
    if (codes.length && codes.every((code) => RETRY_CODES.has(code))) {
      log.answers.push(codes[0]);
      await sleep(200);
      continue;
    }
    if (codes.length || !result.data) {
      log.undesigned.push(`${step}: HTTP ${result.status} ${JSON.stringify(result.errors)}`);
      return undefined;
    }
    log.answers.push('ok');
    if (!pending(result.data)) return result.data;
    await sleep(250);
  }
  log.undesigned.push(`${step}: no final answer after ${attempts} attempts`);
  return undefined;
}
