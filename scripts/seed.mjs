// Seeds demo data through the public API (so it obeys every rule a client does):
// signs in as the bootstrapped admin and creates a few events when there are none.
const url = process.argv[2] ?? 'http://127.0.0.1:3333/graphql';
const { ADMIN_EMAIL, ADMIN_PASSWORD } = process.env;

async function call(query, variables = {}, token) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

const day = 86_400_000;
const now = Date.now();
const demoEvents = [
  {
    name: 'Winter Festival',
    description: 'Log in on three days and clear five quests to earn festival rewards.',
    condition: {
      all: [
        { metric: 'loginDays', gte: 3 },
        { metric: 'activity:quest_clear', gte: 5 },
      ],
    },
    periodStart: new Date(now - day).toISOString(),
    periodEnd: new Date(now + 30 * day).toISOString(),
    status: 'ACTIVE',
  },
  {
    name: 'Spring Tournament',
    description: 'Being prepared.',
    periodStart: new Date(now + 60 * day).toISOString(),
    periodEnd: new Date(now + 67 * day).toISOString(),
    status: 'DRAFT',
  },
  {
    name: 'Autumn Sprint',
    description: 'Ended last month.',
    periodStart: new Date(now - 45 * day).toISOString(),
    periodEnd: new Date(now - 30 * day).toISOString(),
    status: 'INACTIVE',
  },
];

const { login } = await call('mutation ($input: LoginInput!) { login(input: $input) { accessToken } }', {
  input: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
});
const { events } = await call('{ events(first: 1) { totalCount } }', {}, login.accessToken);
if (events.totalCount > 0) {
  console.log(`seed: ${events.totalCount} events exist already; nothing to do`);
} else {
  for (const input of demoEvents) {
    await call(
      'mutation ($input: CreateEventInput!) { createEvent(input: $input) { id } }',
      { input },
      login.accessToken,
    );
  }
  console.log(`seed: created ${demoEvents.length} demo events`);
}
