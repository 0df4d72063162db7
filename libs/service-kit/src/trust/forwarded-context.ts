import { createHmac, timingSafeEqual } from 'node:crypto';
import { REQUEST_ID_HEADER } from '../http/request-id';
import { REFRESH_TOKEN_HEADER } from '../http/refresh-token-channel';

/**
 * What the gateway tells a subgraph about the client request, signed with a secret the
 * gateway and subgraphs share (HMAC-SHA256 over the values and a timestamp). An HMAC, not
 * mutual TLS: it passes through load balancers and service meshes unchanged when
 * subgraphs scale out, needs no certificates to issue and rotate, and costs microseconds.
 */
export const CLIENT_IP_HEADER = 'x-client-ip';
export const FORWARDED_AT_HEADER = 'x-rewardgraph-forwarded-at';
export const FORWARDED_SIGNATURE_HEADER = 'x-rewardgraph-forwarded-signature';

/**
 * How far a signature's timestamp may lie from the subgraph's clock, either way: enough
 * for clock skew and a slow hop, short enough that a captured signature soon stops working.
 */
export const FORWARDED_WINDOW_MS = 60_000;

/** Headers that only the gateway may set: each changes what a subgraph decides. */
const FORWARDED_HEADERS = [CLIENT_IP_HEADER, REFRESH_TOKEN_HEADER];

export interface ForwardedContext {
  requestId: string;
  clientIp: string;
  /** Sent to the auth subgraph only. */
  refreshToken?: string;
}

type HeaderReader = (name: string) => string | undefined;

export type ForwardedVerdict =
  /** Signed by the gateway: the forwarded values are the gateway's. */
  | { kind: 'gateway'; clientIp: string }
  /** No forwarded context at all: a caller inside the network, known by its socket address. */
  | { kind: 'direct' }
  | { kind: 'refused'; reason: string };

// JSON of a fixed array: no value can shift into its neighbour, whatever characters it holds.
const payload = (at: string, requestId?: string, clientIp?: string, refreshToken?: string) =>
  JSON.stringify(['rewardgraph-forwarded-v1', at, requestId ?? null, clientIp ?? null, refreshToken ?? null]);

const sign = (secret: string, value: string) => createHmac('sha256', secret).update(value).digest();

/** The headers the gateway adds to a subgraph request. */
export function signForwardedContext(
  secret: string,
  context: ForwardedContext,
  now = Date.now(),
): Record<string, string> {
  const at = String(now);
  const signature = sign(secret, payload(at, context.requestId, context.clientIp, context.refreshToken));
  return {
    [REQUEST_ID_HEADER]: context.requestId,
    [CLIENT_IP_HEADER]: context.clientIp,
    ...(context.refreshToken ? { [REFRESH_TOKEN_HEADER]: context.refreshToken } : {}),
    [FORWARDED_AT_HEADER]: at,
    [FORWARDED_SIGNATURE_HEADER]: signature.toString('base64url'),
  };
}

/** Decides whose context a subgraph request carries; see ForwardedVerdict. */
export function verifyForwardedContext(
  secret: string,
  header: HeaderReader,
  now = Date.now(),
): ForwardedVerdict {
  const given = header(FORWARDED_SIGNATURE_HEADER);
  const at = header(FORWARDED_AT_HEADER);
  if (!given && !at) {
    return FORWARDED_HEADERS.some((name) => header(name) !== undefined)
      ? { kind: 'refused', reason: 'forwarded context without a signature' }
      : { kind: 'direct' };
  }
  if (!given || !at || !/^\d{1,15}$/.test(at)) return { kind: 'refused', reason: 'incomplete signature' };
  if (Math.abs(now - Number(at)) > FORWARDED_WINDOW_MS) return { kind: 'refused', reason: 'stale signature' };
  const clientIp = header(CLIENT_IP_HEADER);
  const expected = sign(
    secret,
    payload(at, header(REQUEST_ID_HEADER), clientIp, header(REFRESH_TOKEN_HEADER)),
  );
  const presented = Buffer.from(given, 'base64url');
  if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) {
    return { kind: 'refused', reason: 'invalid signature' };
  }
  if (!clientIp) return { kind: 'refused', reason: 'signed context without a client address' };
  return { kind: 'gateway', clientIp };
}
