/**
 * Monaco runs its language services in web workers. build.mjs bundles each one into a
 * file beside explorer.js, so they load from the gateway's origin (worker-src 'self'),
 * never from a CDN. Imported first, so it is in place before any editor starts.
 */
const WORKER_FILES: Record<string, string> = {
  json: 'json.worker.js',
  graphql: 'graphql.worker.js',
};

window.MonacoEnvironment = {
  getWorker: (_workerId: string, label: string) =>
    new Worker(new URL(WORKER_FILES[label] ?? 'editor.worker.js', import.meta.url)),
};
