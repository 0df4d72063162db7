// The bundle budget: the JavaScript a first visit downloads before the dashboard can
// start (the entry chunk and every chunk it imports statically, as Vite's manifest lists
// them) must stay within BUDGET_KB gzipped. Pages loaded on demand do not count.
// Runs after `vite build`; exits 1 over budget.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 350;
const dist = new URL('../dist/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('.vite/manifest.json', dist), 'utf8'));

const initial = new Set();
const visit = (key) => {
  const chunk = manifest[key];
  if (!chunk || initial.has(chunk.file)) return;
  if (chunk.file.endsWith('.js')) initial.add(chunk.file);
  for (const next of chunk.imports ?? []) visit(next);
};
for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);

const sizes = [...initial].map((file) => ({
  file,
  kb: gzipSync(readFileSync(new URL(file, dist))).length / 1024,
}));
const total = sizes.reduce((sum, { kb }) => sum + kb, 0);
for (const { file, kb } of sizes) console.log(`  ${file}  ${kb.toFixed(1)} KB gzipped`);
console.log(`initial JavaScript: ${total.toFixed(1)} KB gzipped (budget ${BUDGET_KB} KB)`);
if (initial.size === 0 || total > BUDGET_KB) {
  console.error(initial.size === 0 ? 'no entry chunk in the manifest' : 'over the bundle budget');
  process.exit(1);
}
