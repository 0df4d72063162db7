import { type ReturnModelType } from '@typegoose/typegoose';
import { type Types } from 'mongoose';
import { type LoginRecord } from '../logins/login.model';
import { type UserRecord } from '../users/user.model';
import { type OutboxSource } from './outbox-relay';
import { type OutboxRecord } from './outbox.model';

export const USER_SIGNED_UP = 'user.signed_up';
export const USER_LOGGED_IN = 'user.logged_in';

/** An event whose user is still missing after this long announces an insert that failed. */
const ORPHAN_AFTER_MS = 60_000;

/** Events of the `outbox` collection (`user.signed_up`), sent once the user they announce exists. */
export const outboxSource = (
  outbox: ReturnModelType<typeof OutboxRecord>,
  users: ReturnModelType<typeof UserRecord>,
): OutboxSource => ({
  name: 'outbox',
  async pending(limit) {
    const waiting = await outbox
      .find({ published: false })
      .sort({ _id: 1 })
      .limit(limit)
      .lean<OutboxRecord[]>()
      .exec();
    // The relay polls often: an idle poll must not read the users at all.
    if (waiting.length === 0) return [];
    // By id, one lookup each: FerretDB would read every user for an `$in`.
    const found = await Promise.all(waiting.map((e) => users.exists({ _id: e.subjectId }).exec()));
    const exists = new Set(waiting.filter((_, i) => found[i]).map((e) => e.subjectId));
    const orphaned = waiting.filter(
      (e) => !exists.has(e.subjectId) && Date.now() - e._id.getTimestamp().getTime() > ORPHAN_AFTER_MS,
    );
    if (orphaned.length) await outbox.deleteMany({ _id: { $in: orphaned.map((e) => e._id) } }).exec();
    return waiting
      .filter((e) => exists.has(e.subjectId))
      .map((e) => ({
        key: e._id,
        event: { id: e.eventId, type: e.type, occurredAt: e.occurredAt.toISOString(), data: e.data },
      }));
  },
  markPublished: (keys) => markPublished(outbox, keys as Types.ObjectId[]),
});

/** `user.logged_in`, from login records not yet announced (only the relay updates them). */
export const loginSource = (logins: ReturnModelType<typeof LoginRecord>): OutboxSource => ({
  name: 'logins',
  async pending(limit) {
    const fresh = await logins
      .find({ published: false })
      .sort({ _id: 1 })
      .limit(limit)
      .lean<LoginRecord[]>()
      .exec();
    return fresh.map((login) => ({
      key: login._id,
      event: {
        id: `${USER_LOGGED_IN}:${login._id.toHexString()}`,
        type: USER_LOGGED_IN,
        occurredAt: login.at.toISOString(),
        data: { userId: login.userId, at: login.at.toISOString() },
      },
    }));
  },
  markPublished: (keys) => markPublished(logins, keys as Types.ObjectId[]),
});

/**
 * One update by id per record, each its own command: FerretDB uses the `_id` index for
 * an equality but reads the whole collection for `$in`, and these collections only
 * grow; and FerretDB 1.24 holds a PostgreSQL connection for every statement of an
 * update command until it ends, so a bulk of forty would take all of them
 * (docs/development.md). The driver spreads them over its sockets.
 */
async function markPublished(
  model: ReturnModelType<typeof OutboxRecord> | ReturnModelType<typeof LoginRecord>,
  ids: Types.ObjectId[],
): Promise<void> {
  await Promise.all(
    ids.map((_id) =>
      (model as ReturnModelType<typeof OutboxRecord>)
        .updateOne({ _id }, { $set: { published: true } })
        .exec(),
    ),
  );
}
