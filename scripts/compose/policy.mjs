// The rules a production compose configuration keeps, checked on what `docker compose
// config --format json` renders from stdin. Prints each broken rule; exits 1 on any.
//   only the gateway is published beyond this host; other UIs on loopback only
//   only published services join the edge network; backend has no route out
//   every service has CPU and memory limits
//   every image other than ours (rewardgraph/*, tagged RG_TAG) is an exact release
//   the events consumer has a fixed name, so a recreated container gets back its pending entries
import { readFileSync } from 'node:fs';

const config = JSON.parse(readFileSync(0, 'utf8'));
const problems = [];
const EXACT_RELEASE = /:v?\d+\.\d+\.\d+(-[\w.]+)?$/;

for (const [name, service] of Object.entries(config.services)) {
  const ports = service.ports ?? [];
  for (const port of ports) {
    if (name !== 'gateway' && port.host_ip !== '127.0.0.1') {
      problems.push(`${name}: port ${port.published} is published beyond loopback (only the gateway may be)`);
    }
  }
  if (Object.hasOwn(service.networks ?? {}, 'edge') && ports.length === 0) {
    problems.push(`${name}: on the edge network without a published port (it belongs on backend only)`);
  }
  const limits = service.deploy?.resources?.limits ?? {};
  if (!limits.cpus || !limits.memory) problems.push(`${name}: no CPU and memory limits`);
  if (!service.image.startsWith('rewardgraph/') && !EXACT_RELEASE.test(service.image)) {
    problems.push(`${name}: image ${service.image} is not an exact release (x.y.z)`);
  }
}
if (config.services.events && !config.services.events.environment?.BUS_CONSUMER_NAME) {
  problems.push(
    'events: no fixed BUS_CONSUMER_NAME (the default follows the container id, new on every recreate)',
  );
}
if (config.networks?.backend?.internal !== true) problems.push('the backend network is not internal');

for (const problem of problems) console.error(problem);
process.exit(problems.length ? 1 : 0);
