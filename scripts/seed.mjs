// Seeds demo data through the public API (so it obeys every rule a client does):
// signs in as the bootstrapped admin and, when there are no events yet, creates four
// events, offers one reward of each type on the open one, and gives the dashboard
// something to show: demo staff (an operator, an auditor), three players with activity,
// requests waiting in the review queue, paid ones and a rejected one. Its documents are
// the shared ones of libs/api-client (built by `npm start` before this runs).
import {
  AddEventRewardDocument,
  CreateEventDocument,
  CreateRewardDocument,
  EventsDocument,
  LoginDocument,
  RecordActivityDocument,
  RequestRewardDocument,
  ReviewRewardRequestDocument,
  SignUpDocument,
  UpdateUserRolesDocument,
  dataOf,
  request,
} from '@rewardgraph/api-client';

const url = process.argv[2] ?? 'http://127.0.0.1:3333/graphql';
const { ADMIN_EMAIL, ADMIN_PASSWORD } = process.env;

const send = (document, variables, token) =>
  request(url, document, variables, { headers: token ? { authorization: `Bearer ${token}` } : {} });

/** A rate-limited call (the admin signed in often lately) waits as told and tries again. */
async function call(document, variables, token, attempts = 5) {
  const answer = await send(document, variables, token);
  const limited = answer.errors?.[0]?.extensions;
  if (limited?.code === 'RATE_LIMITED' && attempts > 1 && limited.retryAfterSeconds <= 120) {
    console.log(`seed: rate limited, retrying in ${limited.retryAfterSeconds} s`);
    await new Promise((resolve) => setTimeout(resolve, limited.retryAfterSeconds * 1000));
    return call(document, variables, token, attempts - 1);
  }
  return dataOf(answer);
}

const day = 86_400_000;
const now = Date.now();
const demoEvents = [
  {
    name: 'Winter Festival',
    description: 'Log in on three days and clear five quests to earn festival rewards.',
    condition: {
      all: [
        { rule: { metric: 'LOGIN_DAYS', comparison: 'GTE', value: 3 } },
        { rule: { metric: 'ACTIVITY', activity: 'quest_clear', comparison: 'GTE', value: 5 } },
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
    name: 'Weekend Raid',
    description: 'Clear the raid once and claim a chest; everyone who joins gets raid points.',
    periodStart: new Date(now - 2 * day).toISOString(),
    periodEnd: new Date(now + 5 * day).toISOString(),
    status: 'ACTIVE',
  },
  {
    name: 'Autumn Sprint',
    description: 'Ended last month.',
    periodStart: new Date(now - 45 * day).toISOString(),
    periodEnd: new Date(now - 30 * day).toISOString(),
    status: 'INACTIVE',
  },
];

const { login } = await call(LoginDocument, { input: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD } });
const { events } = await call(EventsDocument, { first: 1 }, login.accessToken);
if (events.totalCount > 0) {
  console.log(`seed: ${events.totalCount} events exist already; nothing to do`);
} else {
  const ids = [];
  for (const input of demoEvents) {
    const { createEvent } = await call(CreateEventDocument, { input }, login.accessToken);
    ids.push(createEvent.id);
  }
  const offers = [
    { reward: { type: 'POINT', name: 'Festival points', points: 500 }, rules: { autoResolve: true } },
    {
      reward: { type: 'ITEM', name: 'Snow sword', itemId: 'snow-sword', quantity: 1 },
      rules: { stock: 100 },
    },
    {
      reward: {
        type: 'COUPON',
        name: '10% off',
        couponCode: 'WINTER10',
        expiry: new Date(now + 60 * day).toISOString(),
      },
      rules: {
        condition: { rule: { metric: 'LOGIN_DAYS', comparison: 'GTE', value: 1 } },
        autoResolve: true,
      },
    },
    { reward: { type: 'BADGE', name: 'Festival hero', badgeId: 'festival-hero' }, rules: {} },
  ];
  for (const { reward, rules } of offers) {
    const { createReward } = await call(CreateRewardDocument, { input: reward }, login.accessToken);
    await call(
      AddEventRewardDocument,
      { eventId: ids[0], input: { rewardId: createReward.id, ...rules } },
      login.accessToken,
    );
  }
  const raid = demoEvents.findIndex((event) => event.name === 'Weekend Raid');
  const people = await seedPeople(ids[raid], login.accessToken);
  console.log(
    `seed: created ${demoEvents.length} demo events, ${offers.length} rewards on "${demoEvents[0].name}", ` +
      `and ${people} demo accounts with requests on "${demoEvents[raid].name}"`,
  );
}

/** A demo account: signed up (or already there), given its roles, signed in. */
async function account(email, password, roles, adminToken) {
  const signUp = await send(SignUpDocument, { input: { email, password } });
  if (signUp.errors && signUp.errors[0].extensions?.code !== 'CONFLICT') dataOf(signUp);
  const { login: session } = await call(LoginDocument, { input: { email, password } });
  if (roles.some((role) => role !== 'USER')) {
    await call(UpdateUserRolesDocument, { id: session.user.id, roles }, adminToken);
    return (await call(LoginDocument, { input: { email, password } })).login;
  }
  return session;
}

/**
 * The raid offers a chest an operator reviews (one raid clear needed) and points paid at
 * once. Three players clear it and ask for both: two chests wait in the review queue,
 * the admin rejects the third, every player's points are paid.
 */
async function seedPeople(raidId, adminToken) {
  const { createReward: chest } = await call(
    CreateRewardDocument,
    { input: { type: 'ITEM', name: 'Raid chest', itemId: 'raid-chest', quantity: 1 } },
    adminToken,
  );
  const { createReward: points } = await call(
    CreateRewardDocument,
    { input: { type: 'POINT', name: 'Raid points', points: 200 } },
    adminToken,
  );
  const raidClear = { rule: { metric: 'ACTIVITY', activity: 'raid_clear', comparison: 'GTE', value: 1 } };
  await call(
    AddEventRewardDocument,
    { eventId: raidId, input: { rewardId: chest.id, condition: raidClear, stock: 50 } },
    adminToken,
  );
  await call(
    AddEventRewardDocument,
    { eventId: raidId, input: { rewardId: points.id, autoResolve: true } },
    adminToken,
  );

  await account('operator@rewardgraph.local', 'rewardgraph-demo-operator', ['OPERATOR'], adminToken);
  await account('auditor@rewardgraph.local', 'rewardgraph-demo-auditor', ['AUDITOR'], adminToken);
  const players = ['ada', 'grace', 'linus'];
  const chests = [];
  for (const name of players) {
    const player = await account(
      `${name}@rewardgraph.local`,
      'rewardgraph-demo-player',
      ['USER'],
      adminToken,
    );
    await call(
      RecordActivityDocument,
      {
        input: { userId: player.user.id, name: 'raid_clear', amount: 1, key: `seed-raid-${player.user.id}` },
      },
      adminToken,
    );
    const { requestReward } = await call(
      RequestRewardDocument,
      { eventId: raidId, rewardId: chest.id },
      player.accessToken,
    );
    chests.push(requestReward.id);
    await call(RequestRewardDocument, { eventId: raidId, rewardId: points.id }, player.accessToken);
  }
  await call(
    ReviewRewardRequestDocument,
    { id: chests[2], input: { status: 'REJECTED', reason: 'Raid clear recorded twice: under review' } },
    adminToken,
  );
  return players.length + 2;
}
