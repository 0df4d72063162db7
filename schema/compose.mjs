// Composes the subgraph SDLs into the supergraph the gateway loads and the API schema
// clients (codegen) read. `--write` updates the committed files; `--check` fails when
// they differ from what the current subgraph code composes to.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { composeServices } from '@apollo/composition';
import { parse, printSchema } from 'graphql';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const mode = process.argv[2];
if (mode !== '--write' && mode !== '--check') {
  console.error('usage: node compose.mjs --write | --check');
  process.exit(2);
}

/** Local URLs; the gateway overrides them per environment (AUTH_URL, EVENTS_URL). */
const subgraphs = [
  { name: 'auth', url: 'http://127.0.0.1:3001/graphql' },
  { name: 'events', url: 'http://127.0.0.1:3002/graphql' },
];

const services = subgraphs.map(({ name, url }) => {
  const sdl = execFileSync(process.execPath, [join(root, 'subgraphs', name, 'dist', 'print-schema.js')], {
    encoding: 'utf8',
  });
  return { name, url, sdl, typeDefs: parse(sdl) };
});

const result = composeServices(services);
if (result.errors) {
  for (const error of result.errors) console.error(`composition error: ${error.message}`);
  process.exit(1);
}

const outputs = {
  ...Object.fromEntries(services.map(({ name, sdl }) => [`${name}.graphql`, `${sdl.trimEnd()}\n`])),
  'supergraph.graphql': `${result.supergraphSdl.trimEnd()}\n`,
  'api.graphql': `${printSchema(result.schema.toAPISchema().toGraphQLJSSchema()).trimEnd()}\n`,
};

let drifted = false;
for (const [file, content] of Object.entries(outputs)) {
  const path = join(here, file);
  if (mode === '--write') {
    writeFileSync(path, content);
    console.log(`wrote schema/${file}`);
    continue;
  }
  let committed = '';
  try {
    committed = readFileSync(path, 'utf8');
  } catch {
    // a missing file counts as drift
  }
  if (committed !== content) {
    drifted = true;
    console.error(
      `schema/${file} is out of date with the subgraph code: run \`npm run schema:compose\` and commit it`,
    );
  }
}
for (const hint of result.hints ?? []) console.warn(`composition hint: ${hint.message}`);
if (drifted) process.exit(1);
if (mode === '--check') console.log('schema: the committed supergraph matches the subgraphs');
