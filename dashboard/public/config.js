// The default runtime settings: the gateway on port 3333 of the host this page came from
// (the same site, so the refresh cookie travels). serve.mjs answers this file itself.
window.__REWARDGRAPH__ = { graphqlUrl: null, gatewayPort: 3333 };
