import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { stack } from '../support/env';

const run = promisify(execFile);
const RUNNER = join(__dirname, '..', '..', '..', 'load', 'node', 'run.mjs');

/** What load/node/run.mjs prints: per scenario, how every step's answers counted. */
type Report = Record<string, { steps: Record<string, Record<string, number>>; unexpected: string[] }>;

const SCENARIOS = [
  'auth-sessions',
  'event-creation',
  'browsing',
  'request-storm',
  'operator-review',
  'analytics',
];

/**
 * The load scenarios k6 runs (load/scenarios) cannot rot: each runs here a few
 * iterations through the Node interpreter against this stack, three players at once
 * (the storm's stock is then one unit, so two of them meet OUT_OF_STOCK or CONFLICT).
 */
describe('the load scenarios, through the Node interpreter', () => {
  let report: Report;

  beforeAll(async () => {
    const { adminEmail, adminPassword, gatewayUrl } = stack();
    const args = [RUNNER, '--gateway', `${gatewayUrl}/graphql`, '--vus', '3', '--iterations', '2'];
    const env = { PATH: process.env.PATH, ADMIN_EMAIL: adminEmail, ADMIN_PASSWORD: adminPassword };
    // The runner exits 1 when an answer was unexpected; its report says which.
    const { stdout } = await run(process.execPath, args, { env }).catch(
      (error: { stdout?: string; stderr?: string }) => {
        if (!error.stdout) throw new Error(`the runner failed: ${error.stderr}`);
        return { stdout: error.stdout };
      },
    );
    report = JSON.parse(stdout) as Report;
  }, 90_000);

  it('when every scenario runs, then it is in the report', () => {
    expect(Object.keys(report).sort()).toEqual([...SCENARIOS].sort());
  });

  it.each(SCENARIOS)('%s: every answer is ok or one the design gives', (name) => {
    expect(report[name].unexpected).toEqual([]);
  });

  it.each(SCENARIOS)('%s: every step ran and was answered ok at least once', (name) => {
    const neverOk = Object.entries(report[name].steps)
      .filter(([, counts]) => !counts.ok)
      .map(([step]) => step);
    expect(neverOk).toEqual([]);
  });
});
