// What `npm run bench` measures: steps of the load scenarios (../scenarios), each a
// row of the table. `direct` rows are measured straight against the events subgraph too;
// `wholeAtGateway` rows are answered from the gateway's response cache, so their ratio to
// the subgraph shows what that cache saves, not what the gateway costs a read it passes on.
export const ROWS = [
  { title: 'event list', scenario: 'browsing', step: 'event list', direct: true, wholeAtGateway: true },
  { title: 'event detail with rewards', scenario: 'browsing', step: 'event detail' },
  { title: 'my requests', scenario: 'browsing', step: 'my requests', direct: true },
  { title: 'my wallet', scenario: 'browsing', step: 'my wallet' },
  { title: 'review queue (PENDING)', scenario: 'operator-review', step: 'review queue' },
  { title: 'analytics (30 days)', scenario: 'analytics', step: 'analytics 30 days' },
  { title: 'login', scenario: 'auth-sessions', step: 'login' },
];

/** The rows whose single-client median the 20 ms target leaves aside (argon2id; the storm is a burst). */
export const SLOW_BY_DESIGN = new Set(['login', 'request storm']);
