// The accounts load runs sign in with, from the environment (read once, by the entry point).
// The defaults match `npm start`'s admin and the bench's volume.

/** The password of every load-player-<n> (the volume seed writes it; k6's setup signs up with it). */
export const DEFAULT_PLAYER_PASSWORD = 'load-player-password';

/** @returns {import('./interpreter.mjs').Accounts} */
export const accountsFromEnv = (env) => ({
  admin: {
    email: env.ADMIN_EMAIL ?? 'admin@rewardgraph.local',
    password: env.ADMIN_PASSWORD ?? 'rewardgraph-demo-admin',
  },
  playerPassword: env.LOAD_PLAYER_PASSWORD ?? DEFAULT_PLAYER_PASSWORD,
  operatorPassword: env.LOAD_OPERATOR_PASSWORD ?? 'load-operator-password',
});
