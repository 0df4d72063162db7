import { createServer, connect, type Socket } from 'node:net';
import { once } from 'node:events';
import { DeadlineError, withDeadline } from './deadline';

const later = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

/** Keeps the event loop busy, as a loaded service does. */
const blockFor = (ms: number) => {
  const until = Date.now() + ms;
  while (Date.now() < until);
};

describe('withDeadline', () => {
  it('when the answer comes in time, then it is the result', async () => {
    await expect(withDeadline(later(5, 'answer'), 200)).resolves.toBe('answer');
  });

  it('when no answer comes, then it fails with a DeadlineError after the deadline', async () => {
    const started = Date.now();
    await expect(withDeadline(new Promise(() => {}), 30)).rejects.toBeInstanceOf(DeadlineError);
    expect(Date.now() - started).toBeGreaterThanOrEqual(29);
  });

  it('when the loop was busy past the deadline but the answer was already waiting on the socket, then it is still the result', async () => {
    const server = createServer();
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const accepted = once(server, 'connection') as Promise<[Socket]>;
    const client = connect((server.address() as { port: number }).port, '127.0.0.1');
    const [serverSide] = await accepted;
    try {
      const answer = new Promise((resolve) => client.once('data', () => resolve('answer')));
      const bounded = withDeadline(answer, 20);
      // The answer reaches the client's socket at once; the loop only reads it after the
      // busy stretch, in the same turn as the deadline's timer fires.
      serverSide.write('pong');
      blockFor(60);
      await expect(bounded).resolves.toBe('answer');
    } finally {
      serverSide.destroy();
      client.destroy();
      server.close();
    }
  });

  it('when the loop was busy past the deadline and the answer comes a little after, then it is still the result', async () => {
    // Work started on a busy process: the command could only leave after the stretch.
    const answer = new Promise((resolve) => setTimeout(() => setTimeout(() => resolve('answer'), 10), 0));
    const bounded = withDeadline(answer, 20);
    blockFor(60);

    await expect(bounded).resolves.toBe('answer');
  });

  it('when the loop stays busy and no answer ever comes, then it still fails, within three periods of their lag', async () => {
    const started = Date.now();
    const bounded = withDeadline(new Promise(() => {}), 20);
    const busy = setInterval(() => blockFor(45), 0);
    try {
      await expect(bounded).rejects.toBeInstanceOf(DeadlineError);
    } finally {
      clearInterval(busy);
    }
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('when the work fails, then its own error is the result', async () => {
    const refusal = new Error('refused');
    await expect(withDeadline(Promise.reject(refusal), 50)).rejects.toBe(refusal);
  });
});
