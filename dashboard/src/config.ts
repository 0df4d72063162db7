/** Runtime settings written by serve.mjs into /config.js (public/config.js when absent). */
interface RuntimeConfig {
  /** The GraphQL endpoint; null: the gateway port on the host this page came from. */
  graphqlUrl: string | null;
  gatewayPort: number;
}

declare global {
  interface Window {
    __REWARDGRAPH__?: RuntimeConfig;
  }
}

/**
 * The API's URL. By default the same host name as the page: `localhost` and `127.0.0.1`
 * are different sites to a browser, and the refresh cookie (SameSite=Strict) only
 * travels within one.
 */
export function graphqlUrl(config = window.__REWARDGRAPH__, page = window.location): string {
  if (config?.graphqlUrl) return config.graphqlUrl;
  return `${page.protocol}//${page.hostname}:${config?.gatewayPort ?? 3333}/graphql`;
}
