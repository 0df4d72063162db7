import { Admission } from './admission';

const code = (error: unknown) => (error as { extensions?: { code?: string } }).extensions?.code;
const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

describe('admission on the money path', () => {
  it('when the running and waiting places are full, then the next caller is RATE_LIMITED at once and its work never runs', async () => {
    const admission = new Admission({ concurrency: 1, queue: 1, maxWaitMs: 5_000 });
    const gate = deferred();
    let ran = 0;
    const work = async () => {
      ran++;
      await gate.promise;
      return ran;
    };

    const first = admission.run(work);
    const second = admission.run(work);
    const started = Date.now();
    const third = await admission.run(work).catch((error: unknown) => error);

    expect(code(third)).toBe('RATE_LIMITED');
    expect((third as { extensions: { retryAfterSeconds: number } }).extensions.retryAfterSeconds).toBe(5);
    expect(Date.now() - started).toBeLessThan(1_000);
    gate.resolve();
    await expect(Promise.all([first, second])).resolves.toHaveLength(2);
    expect(ran).toBe(2);
  });

  it('when a caller waits longer than maxWaitMs, then it is RATE_LIMITED and its work never runs', async () => {
    const admission = new Admission({ concurrency: 1, queue: 10, maxWaitMs: 50 });
    const gate = deferred();
    let ran = 0;
    const running = admission.run(async () => {
      ran++;
      await gate.promise;
    });

    const waited = await admission
      .run(async () => {
        ran++;
      })
      .catch((error: unknown) => error);

    expect(code(waited)).toBe('RATE_LIMITED');
    gate.resolve();
    await running;
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(ran).toBe(1);
  });

  it('when work fails, then its own error reaches the caller', async () => {
    const admission = new Admission({ concurrency: 2, queue: 0, maxWaitMs: 50 });
    await expect(admission.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
  });
});
