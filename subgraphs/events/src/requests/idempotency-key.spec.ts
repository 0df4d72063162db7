import { idempotencyKeyOf } from './idempotency-key';

const badInput = expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) });

describe('idempotency keys', () => {
  it('when a key is given, then it is kept; absent is null', () => {
    expect(idempotencyKeyOf('claim-42')).toBe('claim-42');
    expect(idempotencyKeyOf(undefined)).toBeNull();
    expect(idempotencyKeyOf(null)).toBeNull();
  });

  it.each(['', 'x'.repeat(101)])('when the key is %j, then it is BAD_USER_INPUT', (key) => {
    expect(() => idempotencyKeyOf(key)).toThrow(badInput);
  });

  it('when a key is exactly 100 characters, then it is kept', () => {
    expect(idempotencyKeyOf('k'.repeat(100))).toHaveLength(100);
  });
});
