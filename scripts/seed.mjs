// Seeds demo data through the public API (so it obeys every rule a client does):
// signs in as the bootstrapped admin and, when there are no events yet, creates three
// events and offers one reward of each type on the open one. Its documents are the
// shared ones of libs/api-client (built by `npm start` before this runs).
import {
  AddEventRewardDocument,
  CreateEventDocument,
  CreateRewardDocument,
  EventsDocument,
  LoginDocument,
  dataOf,
  request,
} from '@rewardgraph/api-client';

const url = process.argv[2] ?? 'http://127.0.0.1:3333/graphql';
const { ADMIN_EMAIL, ADMIN_PASSWORD } = process.env;

/** A rate-limited call (the admin signed in often lately) waits as told and tries again. */
async function call(document, variables, token, attempts = 5) {
  const answer = await request(url, document, variables, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
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
  console.log(
    `seed: created ${demoEvents.length} demo events and ${offers.length} rewards on "${demoEvents[0].name}"`,
  );
}
