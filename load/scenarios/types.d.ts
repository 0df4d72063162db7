// The shape of a load scenario: written once (scenarios/*.js), run by k6 (k6/run.js)
// and by Node (node/interpreter.mjs, the bench and the e2e test).

/**
 * JSON as the API answers it, and what steps keep of it: plain JavaScript reads it (k6
 * cannot load the typed client), so it is not typed further here.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** Who sends a step. Each virtual user (VU) is its own player; staff accounts are shared. */
export type Actor = 'player' | 'operator' | 'admin' | 'anonymous' | 'session';

export interface PlayerCredentials {
  email: string;
  password: string;
}

/** What a step's functions see. */
export interface Context {
  /** 1-based index of the virtual user. */
  vu: number;
  /** How many virtual users the run has (setup steps size their fixtures by it). */
  vus: number;
  /** 0-based iteration of this VU. */
  iteration: number;
  /** This VU's player (load-player-<vu>). */
  player: PlayerCredentials;
  /** Kept by this VU's earlier steps and iterations. */
  state: Record<string, Json>;
  /** Kept by the setup steps, shared by every VU. */
  fixtures: Record<string, Json>;
  /** A string no other call of the run uses (idempotency keys, names). */
  unique: () => string;
}

export interface Step {
  name: string;
  /** A generated operation string (../operations.js). */
  operation: string;
  /** Who sends it; the scenario's actor when absent. 'session' sends the token kept in state.session. */
  as?: Actor;
  variables?: (context: Context) => Record<string, unknown>;
  /** The step is skipped when this says false (e.g. nothing waits for review). */
  when?: (context: Context) => boolean;
  /** Error codes that are answers the design gives under load, not failures. */
  designed?: string[];
  /** Error codes to send again, with the same variables, after the answer's retryAfterSeconds. */
  retry?: string[];
  /** Whether the data is a right answer; a string says what is wrong with it. */
  check?: (data: Json, context: Context) => true | string;
  /** Keeps what later steps need (into context.state, or context.fixtures in setup). */
  keep?: (data: Json, context: Context) => void;
}

export interface Scenario {
  name: string;
  description: string;
  /** Who each VU is. */
  actor: 'player' | 'operator';
  /** Run once before the VUs start, by the admin unless a step says otherwise; keeps into fixtures. */
  setup: Step[];
  steps: Step[];
  /** Think time between two iterations of a VU, in seconds (k6 only; the bench measures without it). */
  pauseSeconds: number;
  /** k6 options: executor, VUs, duration and thresholds (k6/run.js adds what every run needs). */
  options: Record<string, Json>;
}

/** How one answer counts. */
export interface Outcome {
  kind: 'ok' | 'designed' | 'retry' | 'unexpected';
  /** The error code, the HTTP status or what the check said, when not ok. */
  detail?: string;
  retryAfterSeconds?: number;
}
