/** The first tab's query: how to start, then a query that needs a signed-in caller. */
export const WELCOME_QUERY = `# RewardGraph API explorer (served by the gateway in development only).
#
# 1. Open "Session" (the key icon on the left) and sign in, e.g. as the demo
#    admin that \`npm start\` prints. The access token goes into the Headers pane
#    below; the refresh token stays in an HttpOnly cookie.
# 2. Run with the play button (Ctrl-Enter). The book icon opens the schema's docs;
#    docs/api.md in the repository explains roles, errors and pagination.

query Me {
  me {
    id
    email
    roles
  }
}
`;
