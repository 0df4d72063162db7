// @ts-check
// Every load scenario, by the name `npm run k6 -- <name>` and the interpreters take.
import { analytics } from './analytics.js';
import { authSessions } from './auth-sessions.js';
import { browsing } from './browsing.js';
import { eventCreation } from './event-creation.js';
import { operatorReview } from './operator-review.js';
import { requestStorm } from './request-storm.js';

/** @type {Record<string, import('./types.js').Scenario>} */
export const scenarios = Object.fromEntries(
  [authSessions, eventCreation, browsing, requestStorm, operatorReview, analytics].map((s) => [s.name, s]),
);
