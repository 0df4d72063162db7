/** The first tab's query: how to start, then a query that needs a signed-in caller. */
export const WELCOME_QUERY = `# RewardGraph API explorer (development only)
#
# 1. Sign in: open "Session" (the key icon, left).
#    The access token goes into the Headers pane
#    below; the refresh token stays in an HttpOnly
#    cookie. npm start prints the demo admin.
# 2. Run with the play button (Ctrl-Enter).
#    The book icon opens the schema's docs;
#    docs/api.md explains roles, errors, paging.

query Me {
  me {
    id
    email
    roles
  }
}
`;
