import { anyOf } from './any-of';

describe('anyOf', () => {
  it('when a batch holds one distinct value, then the filter is that value (an equality FerretDB sends to its index)', () => {
    expect(anyOf(['a'])).toBe('a');
    expect(anyOf(['a', 'a'])).toBe('a');
  });

  it('when a batch holds several values, then the filter is $in over each of them once', () => {
    expect(anyOf(['a', 'b', 'a'])).toEqual({ $in: ['a', 'b'] });
  });
});
