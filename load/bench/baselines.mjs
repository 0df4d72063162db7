// The same run's baselines, each a bare node:http child: one serving the exact bytes of
// a captured answer (raw-server.mjs), so a scenario's figures can be set against what
// Node itself manages on this machine, and one passing requests on to a subgraph
// (hop-server.mjs), what an HTTP hop costs without a gateway's work.
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

/** The child `script` started with `message`, serving until `stop()`; resolves with its URL. */
async function childServer(script, message) {
  const child = fork(fileURLToPath(new URL(script, import.meta.url)), { stdio: 'inherit' });
  const port = await new Promise((resolve, reject) => {
    child.once('message', (answer) => resolve(/** @type {{ port: number }} */ (answer).port));
    child.once('exit', (code) => reject(new Error(`${script} exited (${code})`)));
    child.send(message);
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

/** Serves `answer` until `stop()`; resolves with its URL. */
export const rawServer = (answer) => childServer('./raw-server.mjs', answer);

/** Passes every request on to `target` until `stop()`; resolves with its URL. */
export const hopServer = (target) => childServer('./hop-server.mjs', { target });
