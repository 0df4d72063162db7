import { Types } from 'mongoose';
import { allOf } from './all-of';

describe('allOf', () => {
  const id = new Types.ObjectId();
  const now = new Date();

  it('when filters constrain different fields, then every field is at the top level', () => {
    expect(allOf({ status: 'ACTIVE' }, { _id: { $lt: id } }, {})).toEqual({
      status: 'ACTIVE',
      _id: { $lt: id },
    });
  });

  it('when a filter nests $and, then its conditions are lifted to the top level', () => {
    expect(allOf({ $and: [{ userId: 'u' }, { $and: [{ createdAt: { $gte: now } }] }] })).toEqual({
      userId: 'u',
      createdAt: { $gte: now },
    });
  });

  it('when two filters constrain one field, then its equality stays at the top and the other goes under $and', () => {
    expect(allOf({ status: { $ne: 'DRAFT' } }, { status: 'ACTIVE' })).toEqual({
      status: 'ACTIVE',
      $and: [{ status: { $ne: 'DRAFT' } }],
    });
    expect(allOf({ status: 'DRAFT' }, { status: 'ACTIVE' })).toEqual({
      status: 'DRAFT',
      $and: [{ status: 'ACTIVE' }],
    });
  });

  it('when filters hold $or, then each one is kept under $and', () => {
    const a = { $or: [{ x: 1 }, { y: 1 }] };
    const b = { $or: [{ x: 2 }, { y: 2 }] };
    expect(allOf({ userId: 'u' }, a, b)).toEqual({ userId: 'u', $and: [a, b] });
  });

  it('when values are ids, dates or regexes, then they are equalities, not operator objects', () => {
    const name = /a/i;
    expect(allOf({ name }, { _id: id }, { periodStart: now })).toEqual({ name, _id: id, periodStart: now });
  });
});
