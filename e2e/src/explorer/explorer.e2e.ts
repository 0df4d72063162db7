import { stack } from '../support/env';
import { startDevelopmentGateway, THIRD_PARTY_HOSTS } from '../support/explorer';
import { type ExtraInstance } from '../support/stack';

const attributeUrls = (html: string) => [...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((m) => m[1]);
const cssUrls = (css: string) => [...css.matchAll(/url\(\s*["']?([^"')]+)/g)].map((m) => m[1]);
const workerFiles = (js: string) => [...new Set(js.match(/[\w.-]+\.worker\.js/g))];
/** What Chromium sends when it opens a page. */
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const isRelative = (url: string) => !/^[a-z][\w+.-]*:|^\/\//i.test(url);

describe('the API explorer on a development gateway', () => {
  let gateway: ExtraInstance;
  const at = (path: string) => `${gateway.url}${path}`;

  beforeAll(async () => {
    gateway = await startDevelopmentGateway(stack(), 'gateway-development');
  });
  afterAll(() => gateway?.stop());

  it('when a browser opens /explorer, then GraphiQL comes from the gateway under a CSP of its own origin', async () => {
    const page = await fetch(at('/explorer'));
    expect(page.status).toBe(200);
    expect(page.url).toBe(at('/explorer/'));
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toMatch(/https?:|\*|unsafe-eval/);
    const html = await page.text();
    expect(html).toContain('<title>RewardGraph API explorer</title>');
    expect(attributeUrls(html).sort()).toEqual(['explorer.css', 'explorer.js']);
  });

  it('when the page loads its scripts, styles, workers and fonts, then each is served by the gateway and none names a CDN', async () => {
    const base = at('/explorer/');
    const [js, css] = await Promise.all(
      ['explorer.js', 'explorer.css'].map(async (file) => {
        const response = await fetch(new URL(file, base));
        expect(response.status).toBe(200);
        return response.text();
      }),
    );
    const workers = workerFiles(js);
    expect(workers.sort()).toEqual(['editor.worker.js', 'graphql.worker.js', 'json.worker.js']);
    const fonts = cssUrls(css).filter((url) => !url.startsWith('data:'));
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every(isRelative)).toBe(true);
    const assets = [...workers, ...new Set(fonts)];
    const bodies = await Promise.all(
      assets.map(async (file) => {
        const response = await fetch(new URL(file, base));
        expect([file, response.status]).toEqual([file, 200]);
        return response.text();
      }),
    );
    for (const body of [js, css, ...bodies]) expect(body).not.toMatch(THIRD_PARTY_HOSTS);
  });

  it('when a browser opens /graphql itself, then it is sent to the explorer, while GraphQL GETs still run', async () => {
    const page = await fetch(at('/graphql'), { headers: { accept: BROWSER_ACCEPT }, redirect: 'manual' });
    expect(page.status).toBe(302);
    expect(page.headers.get('location')).toBe('/explorer/');
    const query = await fetch(at(`/graphql?query=${encodeURIComponent('{ __typename }')}`), {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
    });
    expect(await query.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('when a path climbs out of the explorer, then the answer is the JSON 404', async () => {
    const response = await fetch(at('/explorer/..%2f..%2fschema%2fsupergraph.graphql'));
    expect(response.status).toBe(404);
    expect(
      ((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code,
    ).toBe('NOT_FOUND');
  });
});

describe('outside development', () => {
  it('when a browser opens /explorer or /graphql on the test-mode gateway, then there is no explorer and no landing page', async () => {
    const { gatewayUrl } = stack();
    const explorer = await fetch(`${gatewayUrl}/explorer/`);
    expect(explorer.status).toBe(404);
    expect(await explorer.json()).toMatchObject({ errors: [{ extensions: { code: 'NOT_FOUND' } }] });
    const endpoint = await fetch(`${gatewayUrl}/graphql`, {
      headers: { accept: 'text/html' },
      redirect: 'manual',
    });
    expect(endpoint.status).toBe(400);
    expect(endpoint.headers.get('content-type')).toMatch(/^application\/json/);
  });
});
