import { requestFilterQuery } from './request.service';

const badInput = expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) });

describe('filtering requests by creation time', () => {
  const from = new Date('2026-03-01T00:00:00Z');
  const to = new Date('2026-03-08T00:00:00Z');

  it('when from and to are given, then from is inclusive and to exclusive', () => {
    expect(requestFilterQuery({ from, to })).toEqual({ createdAt: { $gte: from, $lt: to } });
    expect(requestFilterQuery({ from })).toEqual({ createdAt: { $gte: from } });
    expect(requestFilterQuery({ to })).toEqual({ createdAt: { $lt: to } });
  });

  it('when to is not after from, then it is BAD_USER_INPUT', () => {
    expect(() => requestFilterQuery({ from, to: from })).toThrow(badInput);
    expect(() => requestFilterQuery({ from: to, to: from })).toThrow(badInput);
  });
});
