import { randomUUID } from 'node:crypto';
import { CreateRewardDocument, ReviewRewardRequestDocument } from '@rewardgraph/api-client';
import { offer, requestReward } from '../support/catalog';
import { withDb } from '../support/databases';
import { stack } from '../support/env';
import { adminSession, login, newUser, uniqueEmail, type Session } from '../support/fixtures';
import { errorCodes, gql, gqlOk, randomClientIp } from '../support/graphql';
import { startGatewayInstance, type ExtraInstance } from '../support/stack';

const DAY = 86_400_000;
const SIGN_UP = `mutation ($input: SignUpInput!) { signUp(input: $input) { id } }`;
const CREATE_EVENT = `mutation ($input: CreateEventInput!) { createEvent(input: $input) { id name description } }`;
const EVENTS_BY_STATUS = `query ($f: EventFilter) { events(filter: $f) { totalCount } }`;

/** A raw HTTP call: the body as sent, status, content type and the parsed JSON (errors are JSON too). */
async function raw(url: string, init: RequestInit = {}) {
  const response = await fetch(url, {
    ...init,
    headers: { 'x-forwarded-for': randomClientIp(), ...(init.headers as Record<string, string>) },
  });
  const text = await response.text();
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    text,
    json: JSON.parse(text),
  };
}

const usersWithEmail = (email: string) =>
  withDb(stack().userDbUrl, (db) => db.collection('users').countDocuments({ email: email.toLowerCase() }));
const eventsMarked = (marker: string) =>
  withDb(stack().eventDbUrl, (db) =>
    db.collection('events').countDocuments({
      $or: [{ name: { $regex: marker } }, { description: { $regex: marker } }],
    }),
  );
const rewardCount = () => withDb(stack().eventDbUrl, (db) => db.collection('rewards').countDocuments());

const eventInput = (override: Record<string, unknown>) => ({
  name: `hygiene-${randomUUID()}`,
  periodStart: new Date(Date.now() - DAY).toISOString(),
  periodEnd: new Date(Date.now() + DAY).toISOString(),
  ...override,
});

describe('error hygiene', () => {
  let admin: Session;
  let production: ExtraInstance;
  const gateway = () => `${stack().gatewayUrl}/graphql`;
  const productionGateway = () => `${production.url}/graphql`;

  beforeAll(async () => {
    [admin, production] = await Promise.all([
      adminSession(),
      startGatewayInstance(stack(), 'gateway-production', 16400, { NODE_ENV: 'production' }),
    ]);
  }, 90_000);

  afterAll(() => production?.stop());

  describe('a GraphQL syntax error', () => {
    it.each([
      ['the e2e gateway', () => gateway()],
      ['a production gateway', () => productionGateway()],
    ])(
      'when %s gets a query that does not parse, then it is HTTP 400 GRAPHQL_PARSE_FAILED',
      async (_, url) => {
        const answer = await gql('{ events { ', {}, { url: url(), token: admin.token });

        expect(answer.status).toBe(400);
        expect(errorCodes(answer)).toEqual(['GRAPHQL_PARSE_FAILED']);
      },
    );

    it('when a document has more tokens than allowed, then it is HTTP 400, not a server error', async () => {
      const answer = await gql(`{ ${'__typename '.repeat(6000)}}`, {}, { url: productionGateway() });

      expect(answer.status).toBe(400);
      expect(errorCodes(answer)).toEqual(['GRAPHQL_PARSE_FAILED']);
    });
  });

  describe('BAD_USER_INPUT without echo', () => {
    it('when sign-up refuses a short password, then the answer names the field and its rule but holds neither the password nor the input, and nothing is written', async () => {
      const email = uniqueEmail('echo');
      const password = `Sh0rt${randomUUID().slice(0, 5)}`;

      const answer = await gql(SIGN_UP, { input: { email, password } });

      expect(errorCodes(answer)).toEqual(['BAD_USER_INPUT']);
      expect(answer.errors![0]!.extensions).toEqual({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'password', problems: [expect.stringContaining('12 characters')] }],
      });
      expect(JSON.stringify(answer)).not.toContain(password);
      expect(JSON.stringify(answer)).not.toContain(email);
      expect(await usersWithEmail(email)).toBe(0);
    });

    it.each([
      [
        'a password of the wrong type',
        SIGN_UP,
        { input: { email: uniqueEmail('echo'), password: 98765432101 } },
        '98765432101',
      ],
      ['an unknown enum value', EVENTS_BY_STATUS, { f: { status: 'DRAFTX7Q' } }, 'DRAFTX7Q'],
    ])(
      'when a variable holds %s, then it is HTTP 400 BAD_USER_INPUT that does not repeat it',
      async (_, query, variables, sent) => {
        for (const url of [gateway(), productionGateway()]) {
          const answer = await gql(query, variables, { url, token: admin.token });

          expect(answer.status).toBe(400);
          expect(errorCodes(answer)).toEqual(['BAD_USER_INPUT']);
          expect(JSON.stringify(answer)).not.toContain(sent);
        }
      },
    );
  });

  describe('no internals outside development', () => {
    it('when a subgraph refuses an input, then the relayed error has its code and field only, without the service name', async () => {
      for (const url of [gateway(), productionGateway()]) {
        const answer = await gql(`{ event(id: "not-an-id") { id } }`, {}, { url, token: admin.token });

        expect(answer.errors![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'id' });
      }
    });

    it('when a production client misspells a field or an enum value, then no suggestion reveals the schema', async () => {
      const field = await gql(
        `{ evnts { totalCount } }`,
        {},
        { url: productionGateway(), token: admin.token },
      );
      const enumValue = await gql(
        EVENTS_BY_STATUS,
        { f: { status: 'DRAF' } },
        { url: productionGateway(), token: admin.token },
      );
      const literal = await gql(
        `{ events(filter: { status: DRAF }) { totalCount } }`,
        {},
        { url: productionGateway(), token: admin.token },
      );

      expect(errorCodes(field)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(errorCodes(enumValue)).toEqual(['BAD_USER_INPUT']);
      expect(errorCodes(literal)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      for (const answer of [field, enumValue, literal]) {
        expect(JSON.stringify(answer)).not.toContain('Did you mean');
        expect(JSON.stringify(answer)).not.toContain('"DRAFT"');
      }
    });
  });

  describe('the string rule', () => {
    it.each([
      ['a blank name', () => ({ name: '   ' }), 'name'],
      ['a NUL byte in the name', (marker: string) => ({ name: `nul\u0000${marker}` }), 'name'],
      ['a line break in the name', (marker: string) => ({ name: `two\nlines ${marker}` }), 'name'],
      ['a name of 201 characters', (marker: string) => ({ name: marker.padEnd(201, 'x') }), 'name'],
      ['a lone surrogate in the name', (marker: string) => ({ name: `half \ud800 ${marker}` }), 'name'],
      [
        'a bell in the description',
        (marker: string) => ({ description: `ring \u0007 ${marker}` }),
        'description',
      ],
      [
        'a description of 5,001 characters',
        (marker: string) => ({ description: marker.padEnd(5001, 'd') }),
        'description',
      ],
      [
        'a NUL byte in the activity of a condition',
        () => ({
          condition: { rule: { metric: 'ACTIVITY', activity: 'quest\u0000', comparison: 'GTE', value: 1 } },
        }),
        'activity',
      ],
    ])(
      'when createEvent gets %s, then it is BAD_USER_INPUT naming the field, never a server error, and nothing is written',
      async (_, override, field) => {
        const marker = randomUUID();
        const input = eventInput({ name: `hygiene ${marker}`, description: marker, ...override(marker) });

        const answer = await gql(CREATE_EVENT, { input }, { token: admin.token });

        expect(errorCodes(answer)).toEqual(['BAD_USER_INPUT']);
        const { extensions } = answer.errors![0]!;
        const named = extensions!.field ?? (extensions!.fields as { field: string }[])[0]!.field;
        expect(named).toBe(field);
        expect(JSON.stringify(answer)).not.toContain(marker);
        expect(JSON.stringify(answer)).not.toMatch(/SQL|postgres|ferret|mongo/i);
        expect(await eventsMarked(marker)).toBe(0);
      },
    );

    it('when a name and a multi-line description come with spaces around them, then they are stored trimmed, line breaks inside kept', async () => {
      const name = `trimmed-${randomUUID()}`;

      const { createEvent } = await gqlOk<{ createEvent: { name: string; description: string } }>(
        CREATE_EVENT,
        { input: eventInput({ name: `  ${name}\t`, description: '\n  first line\n\tsecond line  \n' }) },
        { token: admin.token },
      );

      expect(createEvent).toMatchObject({ name, description: 'first line\n\tsecond line' });
    });

    it('when a reward name is blank or a review reason holds a NUL byte, then it is BAD_USER_INPUT and nothing changes', async () => {
      const { eventId, rewardId } = await offer();
      const player = await newUser('hygiene');
      const request = (await requestReward(player.token, eventId, rewardId)).data!.requestReward;
      const rewardsBefore = await rewardCount();

      const blankReward = await gql(
        CreateRewardDocument,
        { input: { type: 'POINT', points: 5, name: ' \u3000\t' } },
        { token: admin.token },
      );
      const review = await gql(
        ReviewRewardRequestDocument,
        { id: request.id, input: { status: 'REJECTED', reason: 'no\u0000reason' } },
        { token: admin.token },
      );
      const after = await gqlOk<{ rewardRequest: { status: string } }>(
        `query ($id: ID!) { rewardRequest(id: $id) { status } }`,
        { id: request.id },
        { token: player.token },
      );

      expect(errorCodes(blankReward)).toEqual(['BAD_USER_INPUT']);
      expect(await rewardCount()).toBe(rewardsBefore);
      expect(review.errors![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'reason' });
      expect(after.rewardRequest.status).toBe('PENDING');
    });

    it('when a password has spaces around it, then it is kept as typed: the same password logs in, a trimmed one does not', async () => {
      const email = uniqueEmail('spaces');
      const password = `  spaced ${randomUUID()}  `;
      await gqlOk(SIGN_UP, { input: { email, password } });

      const exact = await login(email, password);
      const trimmed = await gql(`mutation ($input: LoginInput!) { login(input: $input) { accessToken } }`, {
        input: { email, password: password.trim() },
      });

      expect(exact.token).toEqual(expect.any(String));
      expect(errorCodes(trimmed)).toEqual(['UNAUTHENTICATED']);
    });
  });

  describe('HTTP-level refusals', () => {
    const servers = () => [
      ['the gateway', stack().gatewayUrl],
      ['the auth subgraph', stack().authUrl],
      ['the events subgraph', stack().eventsUrl],
    ];
    const json = { 'content-type': 'application/json' };
    const body = JSON.stringify({ query: '{ __typename }' });

    it.each([
      ['PUT', { method: 'PUT', headers: json, body }, 405],
      ['DELETE', { method: 'DELETE' }, 405],
      ['POST as text/plain', { method: 'POST', headers: { 'content-type': 'text/plain' }, body }, 415],
      [
        'POST as a form',
        { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'query=x' },
        415,
      ],
      ['GET without a query', { method: 'GET', headers: { 'apollo-require-preflight': 'true' } }, 400],
    ] as const)(
      'when /graphql gets %s, then every server answers a JSON GraphQL error with a fitting status',
      async (_, init, status) => {
        for (const [, base] of servers()) {
          const answer = await raw(`${base}/graphql`, init as RequestInit);

          expect({ status: answer.status, type: answer.type }).toEqual({
            status,
            type: expect.stringContaining('application/json'),
          });
          expect(answer.json).toEqual({
            errors: [{ message: expect.any(String), extensions: { code: 'BAD_REQUEST' } }],
          });
        }
      },
    );

    it('when a path does not exist, then every server answers 404 as a JSON GraphQL error', async () => {
      for (const [, base] of servers()) {
        const answer = await raw(`${base}/admin.php`);

        expect(answer.status).toBe(404);
        expect(answer.json).toEqual({
          errors: [{ message: expect.any(String), extensions: { code: 'NOT_FOUND' } }],
        });
      }
    });
  });

  describe('explicit nulls', () => {
    it('when every list is given an explicit null filter, then it lists as without a filter', async () => {
      const lists = ['events', 'rewards', 'rewardRequests', 'users'];
      const withNull = await gqlOk<Record<string, { totalCount: number }>>(
        `query { ${lists.map((list) => `${list}(first: 1, filter: null) { totalCount }`).join(' ')} }`,
        {},
        { token: admin.token },
      );
      const without = await gqlOk<Record<string, { totalCount: number }>>(
        `query { ${lists.map((list) => `${list}(first: 1) { totalCount }`).join(' ')} }`,
        {},
        { token: admin.token },
      );

      for (const list of lists) expect(withNull[list].totalCount).toBe(without[list].totalCount);
    });
  });
});
