import { type StackInfo, startGatewayInstance } from './stack';

/** The port of the development gateway that explorer tests start (the e2e stack runs as NODE_ENV=test). */
export const DEVELOPMENT_GATEWAY_PORT = 16410;

/** A gateway as `npm start` runs it: NODE_ENV=development, so it serves the explorer. */
export const startDevelopmentGateway = (info: StackInfo, name: string, port = DEVELOPMENT_GATEWAY_PORT) =>
  startGatewayInstance(info, name, port, { NODE_ENV: 'development' });

/** Hosts a page must never load code or styles from; the explorer works offline. */
export const THIRD_PARTY_HOSTS =
  /unpkg\.com|jsdelivr\.net|esm\.sh|cdnjs\.|skypack\.dev|apollographql\.com|googleapis\.com|gstatic\.com/;
