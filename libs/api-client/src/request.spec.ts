import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CreateRewardDocument, RewardType } from './generated/graphql';
import { dataOf, documentText, request } from './request';

/** A real HTTP server that records what it received and answers with `reply`. */
async function graphqlServer(reply: unknown) {
  const received: { headers: IncomingMessage['headers']; body: unknown }[] = [];
  const server: Server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body: JSON.parse(text) });
      res.writeHead(200, { 'content-type': 'application/json', 'set-cookie': 'rg_refresh=abc' });
      res.end(JSON.stringify(reply));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  return { url, received, close: () => new Promise((resolve) => server.close(resolve)) };
}

describe('request', () => {
  it('when given a generated document, then it posts its text and variables as JSON and returns data, status and headers', async () => {
    const reward = { __typename: 'BadgeReward', id: 'r1', type: 'BADGE', name: 'n', badgeId: 'b' };
    const server = await graphqlServer({ data: { createReward: reward } });
    try {
      const input = { type: RewardType.BADGE, name: 'n', badgeId: 'b' };
      const answer = await request(
        server.url,
        CreateRewardDocument,
        { input },
        { headers: { authorization: 'Bearer t' } },
      );

      expect(answer.status).toBe(200);
      expect(answer.headers.getSetCookie()).toEqual(['rg_refresh=abc']);
      expect(answer.data?.createReward.id).toBe('r1');
      expect(server.received).toEqual([
        {
          headers: expect.objectContaining({ 'content-type': 'application/json', authorization: 'Bearer t' }),
          body: { query: documentText(CreateRewardDocument), variables: { input } },
        },
      ]);
    } finally {
      await server.close();
    }
  });
});

describe('documentText', () => {
  it('prints the operation with the fragments it spreads, and sends a string as it is', () => {
    const text = documentText(CreateRewardDocument);
    expect(text).toMatch(/^mutation CreateReward\(\$input: CreateRewardInput!\)/);
    expect(text).toContain('fragment RewardFields on Reward');
    expect(documentText(CreateRewardDocument)).toBe(text);
    expect(documentText('{ __typename }')).toBe('{ __typename }');
  });
});

describe('dataOf', () => {
  it('returns the data of a success and throws with the errors otherwise', () => {
    expect(dataOf({ data: { logout: true } })).toEqual({ logout: true });
    const errors = [{ message: 'no', extensions: { code: 'FORBIDDEN' } }];
    expect(() => dataOf({ data: null, errors })).toThrow(/FORBIDDEN/);
  });
});
