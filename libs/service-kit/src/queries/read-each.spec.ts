import { Types } from 'mongoose';
import { readEach } from './read-each';

describe('readEach', () => {
  it('when a batch repeats a key, then each distinct key is read once and the results are concatenated', async () => {
    const read = jest.fn(async (key: string) => [`${key}1`, `${key}2`]);
    expect(await readEach(['a', 'b', 'a'], read)).toEqual(['a1', 'a2', 'b1', 'b2']);
    expect(read.mock.calls.map(([key]) => key)).toEqual(['a', 'b']);
  });

  it('when ObjectIds name the same id, then it is read once', async () => {
    const hex = new Types.ObjectId().toHexString();
    const read = jest.fn(async () => [1]);
    await readEach([new Types.ObjectId(hex), new Types.ObjectId(hex)], read);
    expect(read).toHaveBeenCalledTimes(1);
  });
});
