import { STATUS_CODES } from 'node:http';
import { type Fetcher, type FetcherResponse } from '@apollo/utils.fetcher';
import { request, type Dispatcher } from 'undici';

/**
 * The data sources' fetch, on undici's `request` instead of its WHATWG `fetch`: `fetch`
 * builds a Request, a Response and web streams for every call, which the gateway's CPU
 * profile under load showed as a fifth of its time per operation, while a data source
 * reads only the status, a few headers and the whole body. The answer is read whole
 * before it is handed over, within the same deadline as the connection and the headers.
 */
export function subgraphFetcher(dispatcher: Dispatcher, timeoutMs: number): Fetcher {
  return async (url, init = {}) => {
    const answer = await request(url, {
      method: (init.method ?? 'GET') as Dispatcher.HttpMethod,
      headers: init.headers,
      body: init.body,
      dispatcher,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const headers = new Headers();
    for (const [name, value] of Object.entries(answer.headers)) {
      for (const one of Array.isArray(value) ? value : [value ?? '']) headers.append(name, one);
    }
    return bufferedResponse(url, answer.statusCode, headers, await answer.body.text());
  };
}

function bufferedResponse(url: string, status: number, headers: Headers, text: string): FetcherResponse {
  return {
    url,
    status,
    ok: status >= 200 && status < 300,
    statusText: STATUS_CODES[status] ?? '',
    redirected: false,
    bodyUsed: false,
    headers,
    text: async () => text,
    json: async () => JSON.parse(text) as unknown,
    arrayBuffer: async () => new TextEncoder().encode(text).buffer,
    clone: () => bufferedResponse(url, status, new Headers(headers), text),
  };
}
