import { type CommandSucceededEvent } from 'mongodb';
import mongoose, { type Connection } from 'mongoose';
import { pino } from 'pino';
import { batchesOf, connectMongo, createMetricsRegistry } from '@rewardgraph/service-kit';
import { stack } from '../support/env';

interface Doc {
  i: number;
  bucket: string;
}

/** FerretDB's default first batch: a read with more results than this used to leave a cursor open. */
const DEFAULT_FIRST_BATCH = 101;
const COUNT = 3 * DEFAULT_FIRST_BATCH;

describe('reads through the service kit on FerretDB', () => {
  let connection: Connection;
  let docs: mongoose.Model<Doc>;
  const replies: { command: string; returned: number; cursorOpen: boolean }[] = [];

  beforeAll(async () => {
    connection = await connectMongo({
      url: stack().eventDbUrl.replace(/_events$/, '_one_reply'),
      name: 'one-reply-test',
      logger: pino({ level: 'silent' }),
      // Metrics switch command monitoring on: the replies are what this test reads.
      metrics: createMetricsRegistry('one-reply-test'),
    });
    docs = connection.model<Doc>('Doc', new mongoose.Schema<Doc>({ i: Number, bucket: String }));
    await docs.deleteMany({});
    await docs.insertMany(Array.from({ length: COUNT }, (_, i) => ({ i, bucket: `b${i % 2}` })));
    connection.getClient().on('commandSucceeded', (event: CommandSucceededEvent) => {
      const cursor = (
        event.reply as { cursor?: { id: unknown; firstBatch?: unknown[]; nextBatch?: unknown[] } }
      ).cursor;
      if (!cursor) return;
      replies.push({
        command: event.commandName,
        returned: (cursor.firstBatch ?? cursor.nextBatch ?? []).length,
        cursorOpen: String(cursor.id) !== '0',
      });
    });
  });
  beforeEach(() => {
    replies.length = 0;
  });
  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  it('when a find, a limited find or an aggregation has more results than a first batch, then all come back in one reply and no cursor stays open', async () => {
    const [all, limited, grouped] = await Promise.all([
      docs.find({}).lean().exec(),
      docs
        .find({ bucket: 'b1' })
        .limit(DEFAULT_FIRST_BATCH + 20)
        .lean()
        .exec(),
      docs.aggregate<{ _id: number }>([{ $group: { _id: '$i', n: { $sum: 1 } } }]).exec(),
    ]);

    expect([all.length, limited.length, grouped.length]).toEqual([COUNT, DEFAULT_FIRST_BATCH + 20, COUNT]);
    expect(replies.map((r) => r.command).sort()).toEqual(['aggregate', 'find', 'find']);
    expect(replies.filter((r) => r.cursorOpen)).toEqual([]);
  });

  it('when a whole collection is streamed in batches, then each reply carries one batch and the last one closes the cursor', async () => {
    let read = 0;
    for await (const batch of batchesOf<Doc>(docs.find({}).lean(), new AbortController().signal, 100)) {
      read += batch.length;
    }

    expect(read).toBe(COUNT);
    expect(replies.map((r) => [r.command, r.returned, r.cursorOpen])).toEqual([
      ['find', 100, true],
      ['getMore', 100, true],
      ['getMore', 100, true],
      ['getMore', COUNT - 300, false],
    ]);
  });
});
