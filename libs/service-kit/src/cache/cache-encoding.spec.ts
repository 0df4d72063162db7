import { Types } from 'mongoose';
import { cacheEncoding } from './cache-encoding';

const roundTrip = <T>(value: T): T => cacheEncoding.deserialize(cacheEncoding.serialize(value)) as T;

describe('the cache encoding', () => {
  it('when strings look like dates, ids, numbers or nothing, then they come back as the same strings', () => {
    const strings = [
      '2026-01-01T00:00:00Z',
      '2026-01-01T00:00:00.000Z',
      '0123456789abcdef01234567',
      '42',
      '-1.5e3',
      'true',
      'null',
      '',
      '   ',
      'Événement 🎉 日本語 \u200b',
      '{"$date":"2026-01-01T00:00:00Z"}',
    ];
    const record = {
      _id: 'x',
      eventId: '0123456789abcdef01234567',
      rewardId: '2026-01-01T00:00:00Z',
      strings,
    };

    const back = roundTrip(record);

    expect(back).toEqual(record);
    for (const value of [...back.strings, back.eventId, back.rewardId]) expect(typeof value).toBe('string');
  });

  it('when a record holds Dates and ObjectIds, then they come back as Date and ObjectId with the same values', () => {
    const id = new Types.ObjectId();
    const record = {
      _id: id,
      eventId: new Types.ObjectId(),
      periodStart: new Date('2026-01-01T00:00:00Z'),
      history: [{ at: new Date(-1), by: 'system' }],
      condition: { all: [{ rule: { metric: 'LOGIN_DAYS', value: 3 } }] },
    };

    const back = roundTrip(record);

    expect(back).toEqual(record);
    expect(back._id).toBeInstanceOf(Types.ObjectId);
    expect(back._id.equals(id)).toBe(true);
    expect(back.periodStart).toBeInstanceOf(Date);
    expect(back.history[0]!.at.getTime()).toBe(-1);
  });

  it('when values are null, negative zero, not a number or keys start with $, then they are kept as they are', () => {
    const back = roundTrip({
      none: null,
      zero: -0,
      nan: Number.NaN,
      nested: { $oid: 'not an id', $date: 1 },
    });

    expect(back.none).toBeNull();
    expect(Object.is(back.zero, -0)).toBe(true);
    expect(back.nan).toBeNaN();
    expect(back.nested).toEqual({ $oid: 'not an id', $date: 1 });
  });
});
