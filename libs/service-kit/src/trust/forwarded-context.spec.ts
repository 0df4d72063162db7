import { REFRESH_TOKEN_HEADER } from '../http/refresh-token-channel';
import { REQUEST_ID_HEADER } from '../http/request-id';
import {
  CLIENT_IP_HEADER,
  FORWARDED_AT_HEADER,
  FORWARDED_SIGNATURE_HEADER,
  FORWARDED_WINDOW_MS,
  signForwardedContext,
  verifyForwardedContext,
} from './forwarded-context';

const SECRET = 'a-test-secret-that-is-long-enough-0001';
const NOW = 1_800_000_000_000;
const context = { requestId: 'req-1', clientIp: '203.0.113.7', refreshToken: 'opaque-refresh' };

const reader = (headers: Record<string, string>) => (name: string) => headers[name];
const verify = (headers: Record<string, string>, now = NOW) =>
  verifyForwardedContext(SECRET, reader(headers), now);

describe('forwarded context', () => {
  it('when the gateway signed it, then the subgraph takes the forwarded client address', () => {
    expect(verify(signForwardedContext(SECRET, context, NOW))).toEqual({
      kind: 'gateway',
      clientIp: '203.0.113.7',
    });
  });

  it('when no forwarded header is present, then it is a direct call', () => {
    expect(verify({})).toEqual({ kind: 'direct' });
    expect(verify({ [REQUEST_ID_HEADER]: 'chosen-id' })).toEqual({ kind: 'direct' });
  });

  it.each([
    ['a client address', { [CLIENT_IP_HEADER]: '198.51.100.1' }],
    ['a refresh token', { [REFRESH_TOKEN_HEADER]: 'stolen' }],
  ])('when %s arrives without a signature, then it is refused', (_what, headers) => {
    expect(verify(headers)).toEqual({ kind: 'refused', reason: 'forwarded context without a signature' });
  });

  it.each([
    [CLIENT_IP_HEADER, '198.51.100.1'],
    [REQUEST_ID_HEADER, 'other-request'],
    [REFRESH_TOKEN_HEADER, 'another-token'],
    [FORWARDED_AT_HEADER, String(NOW + 1)],
  ])('when %s is changed after signing, then the signature no longer matches', (name, value) => {
    const headers = { ...signForwardedContext(SECRET, context, NOW), [name]: value };
    expect(verify(headers)).toEqual({ kind: 'refused', reason: 'invalid signature' });
  });

  it('when another secret signed it, then it is refused', () => {
    const headers = signForwardedContext('another-secret-that-is-long-enough-02', context, NOW);
    expect(verify(headers)).toEqual({ kind: 'refused', reason: 'invalid signature' });
  });

  it('when the signature is garbage or cut short, then it is refused without throwing', () => {
    const signed = signForwardedContext(SECRET, context, NOW);
    const short = signed[FORWARDED_SIGNATURE_HEADER].slice(0, 10);
    expect(verify({ ...signed, [FORWARDED_SIGNATURE_HEADER]: short }).kind).toBe('refused');
    expect(verify({ ...signed, [FORWARDED_SIGNATURE_HEADER]: '!!not base64!!' }).kind).toBe('refused');
    expect(verify({ ...signed, [FORWARDED_AT_HEADER]: 'yesterday' })).toEqual({
      kind: 'refused',
      reason: 'incomplete signature',
    });
  });

  it('when the timestamp is outside the window either way, then it is refused as stale', () => {
    const signed = signForwardedContext(SECRET, context, NOW);
    expect(verify(signed, NOW + FORWARDED_WINDOW_MS).kind).toBe('gateway');
    expect(verify(signed, NOW + FORWARDED_WINDOW_MS + 1)).toEqual({
      kind: 'refused',
      reason: 'stale signature',
    });
    expect(verify(signed, NOW - FORWARDED_WINDOW_MS - 1)).toEqual({
      kind: 'refused',
      reason: 'stale signature',
    });
  });

  it('when no refresh token is forwarded, then a refresh token added later is refused', () => {
    const signed = signForwardedContext(SECRET, { requestId: 'req-2', clientIp: '203.0.113.8' }, NOW);
    expect(signed[REFRESH_TOKEN_HEADER]).toBeUndefined();
    expect(verify(signed).kind).toBe('gateway');
    expect(verify({ ...signed, [REFRESH_TOKEN_HEADER]: 'added' }).kind).toBe('refused');
  });
});
