import { type Types } from 'mongoose';
import { type LoginModel } from '../sessions/login.service';
import { type UserModel } from '../users/user.service';
import { type OutboxSource } from './outbox-relay';

export const USER_SIGNED_UP = 'user.signed_up';
export const USER_LOGGED_IN = 'user.logged_in';

/** `user.signed_up`, from users not yet announced (the flag is written with the user). */
export const signUpSource = (users: UserModel): OutboxSource => ({
  name: 'sign-ups',
  async pending(limit) {
    const fresh = await users.find({ signUpPublished: false }).sort({ _id: 1 }).limit(limit).lean().exec();
    return fresh.map((user) => ({
      key: user._id,
      event: {
        id: `${USER_SIGNED_UP}:${user._id.toHexString()}`,
        type: USER_SIGNED_UP,
        occurredAt: user.createdAt.toISOString(),
        data: { userId: user._id.toHexString(), signedUpAt: user.createdAt.toISOString() },
      },
    }));
  },
  async markPublished(keys) {
    await users
      .updateMany({ _id: { $in: keys as Types.ObjectId[] } }, { $set: { signUpPublished: true } })
      .exec();
  },
});

/** `user.logged_in`, from login records not yet announced. */
export const loginSource = (logins: LoginModel): OutboxSource => ({
  name: 'logins',
  async pending(limit) {
    const fresh = await logins.find({ published: false }).sort({ _id: 1 }).limit(limit).lean().exec();
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
