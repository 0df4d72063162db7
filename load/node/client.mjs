// One virtual user's line to the API: its own client address (the gateway trusts
// X-Forwarded-For from loopback, so each VU counts as the player it is, as behind a
// carrier's address) and its own cookies (the refresh cookie of its session).

/** A stable address per VU; VU 0 is the staff's desk. */
export const clientIpOf = (vu) => `10.${(vu >> 16) & 255}.${(vu >> 8) & 255}.${vu & 255}`;

export class VuClient {
  /** @param {string} url the GraphQL endpoint @param {number} vu */
  constructor(url, vu) {
    this.url = url;
    this.ip = clientIpOf(vu);
    /** @type {Map<string, string>} */
    this.cookies = new Map();
  }

  /** The headers a call of this VU carries, with `token` as its bearer token when given. */
  headers(token) {
    return {
      'content-type': 'application/json',
      'x-forwarded-for': this.ip,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(this.cookies.size
        ? { cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ') }
        : {}),
    };
  }

  /** Sends one operation; the answer's status and parsed body (null when it is not JSON). */
  async send(query, variables, token) {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: this.headers(token),
      body: JSON.stringify({ query, variables }),
    });
    this.keepCookies(response.headers.getSetCookie());
    const text = await response.text();
    let body = null;
    try {
      body = JSON.parse(text);
    } catch {
      // Not JSON (a proxy's error page): counted by its status.
    }
    return { status: response.status, body };
  }

  /** A cookie set empty is cleared (logout); the attributes do not matter to a test client. */
  keepCookies(setCookies) {
    for (const setCookie of setCookies) {
      const pair = setCookie.split(';')[0];
      const at = pair.indexOf('=');
      const [name, value] = [pair.slice(0, at).trim(), pair.slice(at + 1).trim()];
      if (value) this.cookies.set(name, value);
      else this.cookies.delete(name);
    }
  }
}
