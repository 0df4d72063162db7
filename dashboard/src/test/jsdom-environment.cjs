// jsdom with the web APIs it leaves out and a browser has: react-router builds a fetch
// Request (with an AbortSignal) for every navigation, so Node's own implementations of
// these are lent to the test window, together, so they accept each other's objects.
const { TestEnvironment } = require('jest-environment-jsdom');

const LENT = [
  'TextEncoder',
  'TextDecoder',
  'Request',
  'Response',
  'Headers',
  'fetch',
  'AbortController',
  'AbortSignal',
  'ReadableStream',
];

class DashboardEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of LENT) this.global[name] = globalThis[name];
  }
}

module.exports = DashboardEnvironment;
