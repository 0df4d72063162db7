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
    const existing = await users
      .find({ _id: { $in: waiting.map((e) => e.subjectId) } })
      .select({ _id: 1 })
      .lean<{ _id: Types.ObjectId }[]>()
      .exec();
    const exists = new Set(existing.map((u) => u._id.toHexString()));
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
  async markPublished(keys) {
    await outbox.updateMany({ _id: { $in: keys as Types.ObjectId[] } }, { $set: { published: true } }).exec();
  },
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
  async markPublished(keys) {
    await logins.updateMany({ _id: { $in: keys as Types.ObjectId[] } }, { $set: { published: true } }).exec();
  },
});
