// Captures one real answer and serves its exact bytes from a bare node:http child
// (raw-server.mjs), so a scenario's figures can be set against what Node itself manages
// on this machine in the same run.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Headers node:http sets itself, or that describe the connection rather than the answer. */
const OWN_HEADERS = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);

/** One answer of `url` to a request built like the measured ones. */
export async function capture(url, { headers, body }) {
  const response = await fetch(url, { method: 'POST', headers, body });
  return {
    status: response.status,
    headers: Object.fromEntries([...response.headers].filter(([name]) => !OWN_HEADERS.has(name))),
    body: Buffer.from(await response.arrayBuffer()).toString('base64'),
  };
}

/** Serves `answer` until `stop()`; resolves with its URL. */
export async function rawServer(answer) {
  const child = fork(fileURLToPath(new URL('./raw-server.mjs', import.meta.url)), { stdio: 'inherit' });
  const port = await new Promise((resolve, reject) => {
    child.once('message', (message) => resolve(/** @type {{ port: number }} */ (message).port));
    child.once('exit', (code) => reject(new Error(`the raw server exited (${code})`)));
    child.send(answer);
  });
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', resolve);
        child.disconnect();
      }),
  };
}
