// Bundles GraphiQL, React and Monaco from node_modules into dist/: static files the
// gateway serves in development. Nothing is fetched at run time from anywhere but the
// gateway's origin: fonts are inlined in the CSS, the workers are files beside explorer.js.
import { copyFile, rm } from 'node:fs/promises';
import { build } from 'esbuild';

const outdir = 'dist';
const shared = {
  bundle: true,
  minify: true,
  target: 'es2022',
  outdir,
  logLevel: 'warning',
  // Third-party license notices, in one file per bundle (explorer.js.LEGAL.txt …).
  legalComments: 'linked',
  define: { 'process.env.NODE_ENV': '"production"' },
};

await rm(outdir, { recursive: true, force: true });
await Promise.all([
  build({
    ...shared,
    entryPoints: { explorer: 'src/main.tsx' },
    format: 'esm',
    jsx: 'automatic',
    // Monaco's own stylesheets name its icon font by file; it becomes a file beside them.
    loader: { '.ttf': 'file' },
  }),
  // Monaco's language services: classic workers, one file each (see src/monaco-workers.ts).
  build({
    ...shared,
    entryPoints: {
      'editor.worker': 'monaco-editor/esm/vs/editor/editor.worker.js',
      'json.worker': 'monaco-editor/esm/vs/language/json/json.worker.js',
      'graphql.worker': 'monaco-graphql/esm/graphql.worker.js',
    },
    format: 'iife',
  }),
]);
await copyFile('src/index.html', `${outdir}/index.html`);
