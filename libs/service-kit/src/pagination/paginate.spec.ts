import { Types } from 'mongoose';
import { decodeCursor, encodeCursor } from './paginate';

describe('cursors', () => {
  it('when a cursor is decoded, then it names the same id that was encoded', () => {
    const id = new Types.ObjectId();
    expect(decodeCursor(encodeCursor(id)).equals(id)).toBe(true);
  });

  it('when a cursor was not made by the list, then it is BAD_USER_INPUT', () => {
    expect(() => decodeCursor('bm9wZQ')).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }),
    );
  });
});
