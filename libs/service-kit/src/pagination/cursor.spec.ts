import { Types } from 'mongoose';
import { afterCursor, decodeCursor, encodeCursor, sortOf } from './cursor';
import { NEWEST_FIRST, OrderDirection, type SortOrder } from './order';

const badInput = expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) });
const byName: SortOrder = { field: 'name', direction: OrderDirection.ASC };
const byStart: SortOrder = { field: 'periodStart', direction: OrderDirection.DESC };

describe('cursors', () => {
  const node = {
    _id: new Types.ObjectId(),
    name: 'Spring "fest" ✓',
    periodStart: new Date('2026-03-01T10:00:00.123Z'),
  };

  it('when a cursor of the newest-first order is decoded, then it names the same id that was encoded', () => {
    const { id, value } = decodeCursor(NEWEST_FIRST, encodeCursor(NEWEST_FIRST, node));
    expect(id.equals(node._id)).toBe(true);
    expect(value).toBeNull();
  });

  it.each([
    ['a string field', byName, node.name],
    ['a date field', byStart, node.periodStart],
  ])(
    'when a cursor of an order by %s is decoded, then it holds the sort value and the id',
    (_, order, value) => {
      const decoded = decodeCursor(order, encodeCursor(order, node));
      expect(decoded.value).toEqual(value);
      expect(decoded.id.equals(node._id)).toBe(true);
    },
  );

  it('when a cursor made under one order is used with another, then it is BAD_USER_INPUT', () => {
    expect(() => decodeCursor(byStart, encodeCursor(byName, node))).toThrow(badInput);
    expect(() => decodeCursor(NEWEST_FIRST, encodeCursor(byName, node))).toThrow(badInput);
    expect(() => decodeCursor(byName, encodeCursor(NEWEST_FIRST, node))).toThrow(badInput);
  });

  const raw = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

  it.each([
    ['a cursor of no list', NEWEST_FIRST, 'bm9wZQ'],
    ['not JSON', byName, 'bm9wZQ'],
    ['a wrong shape', byName, raw({ name: 'x' })],
    ['a bad id', byName, raw(['name', 'x', 'zz'])],
    ['a bad date', byStart, raw(['periodStart', { d: 'soon' }, node._id.toHexString()])],
    ['an operator object', byName, raw(['name', { $ne: null }, node._id.toHexString()])],
  ])('when the cursor is %s, then it is BAD_USER_INPUT', (_, order, cursor) => {
    expect(() => decodeCursor(order, cursor)).toThrow(badInput);
  });
});

describe('sort and range of an order', () => {
  const id = new Types.ObjectId();

  it('when a list is sorted by a field, then _id breaks ties in the same direction', () => {
    expect(sortOf(NEWEST_FIRST)).toEqual({ _id: -1 });
    expect(sortOf(byName)).toEqual({ name: 1, _id: 1 });
    expect(sortOf(byStart)).toEqual({ periodStart: -1, _id: -1 });
  });

  it('when a page follows a cursor, then it starts after the cursor’s value, or at the same value after its id', () => {
    const start = new Date('2026-03-01T00:00:00Z');
    expect(afterCursor(NEWEST_FIRST, { value: null, id })).toEqual({ _id: { $lt: id } });
    expect(afterCursor(byName, { value: 'b', id })).toEqual({
      $or: [{ name: { $gt: 'b' } }, { name: 'b', _id: { $gt: id } }],
    });
    expect(afterCursor(byStart, { value: start, id })).toEqual({
      $or: [{ periodStart: { $lt: start } }, { periodStart: start, _id: { $lt: id } }],
    });
  });
});
