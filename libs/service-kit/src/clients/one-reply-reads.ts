import { type Schema } from 'mongoose';

/** The batch of a read without a limit: every result in the first reply. */
const WHOLE_READ = 100_000;

/**
 * Every find and aggregation comes back in one reply, so that no cursor stays open on
 * the database. FerretDB 1.24 holds one of its PostgreSQL connections for each open
 * cursor until the client drains or kills it, and a find answers 101 documents by
 * default, keeping the rest behind a cursor. Under load the getMore that would free such
 * a connection waits for a client socket, the socket waits for a PostgreSQL connection,
 * and once open cursors hold them all nothing answers (measured: 40 open cursors of
 * review-queue reads hung the event database under 50 connections). A limited read asks
 * for its limit; a read meant to stream (`batchesOf`) sets its own batch size.
 */
export function oneReplyReads(schema: Schema): void {
  schema.pre('find', function () {
    const { batchSize, limit } = this.getOptions();
    if (batchSize === undefined) this.batchSize(limit || WHOLE_READ);
  });
  schema.pre('aggregate', function () {
    this.options.batchSize ??= WHOLE_READ;
  });
}
