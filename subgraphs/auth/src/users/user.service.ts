import { type ReturnModelType } from '@typegoose/typegoose';
import { type Redis } from 'ioredis';
import { Types, type QueryFilter } from 'mongoose';
import {
  badInput,
  conflict,
  hasAnyRole,
  isDuplicateKey,
  notFound,
  inIdOrder,
  paginate,
  Role,
  STAFF_ROLES,
  toObjectId,
  type Identity,
  type Page,
  type PageArgs,
} from '@rewardgraph/service-kit';
import { type Logger } from 'pino';
import { USER_SIGNED_UP } from '../outbox/auth-outbox';
import { type OutboxRecord } from '../outbox/outbox.model';
import { hashPassword } from '../passwords/password-hasher';
import { withRoleChangeLock } from './role-change-lock';
import { type UserRecord } from './user.model';
import { type UserFilter } from './user.input';

export type UserModel = ReturnModelType<typeof UserRecord>;

export const normalizeEmail = (email: string) => email.trim().toLowerCase();
const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class UserService {
  constructor(
    private readonly users: UserModel,
    private readonly outbox: ReturnModelType<typeof OutboxRecord>,
    private readonly lockRedis: Redis,
    private readonly logger: Logger,
  ) {}

  /** Sign-up always makes a plain USER; only an ADMIN grants more. */
  async signUp(email: string, password: string): Promise<UserRecord> {
    return this.create(email, password, [Role.USER]);
  }

  /**
   * The `user.signed_up` event is written first, then the user; the relay sends the
   * event only once the user exists, and drops it if the insert never happened
   * (a taken email, a crash in between). No transaction is needed for either order.
   */
  async create(email: string, password: string, roles: Role[]): Promise<UserRecord> {
    const passwordHash = await hashPassword(password);
    const _id = new Types.ObjectId();
    const now = new Date();
    const event = await this.outbox.create({
      eventId: `${USER_SIGNED_UP}:${_id.toHexString()}`,
      type: USER_SIGNED_UP,
      occurredAt: now,
      data: { userId: _id.toHexString(), signedUpAt: now.toISOString() },
      subjectId: _id.toHexString(),
    });
    try {
      const created = await this.users.create({ _id, email: normalizeEmail(email), passwordHash, roles });
      return created.toObject();
    } catch (error) {
      await this.outbox.deleteOne({ _id: event._id }).exec();
      if (isDuplicateKey(error)) throw conflict('An account with this email already exists');
      throw error;
    }
  }

  findByEmail(email: string): Promise<UserRecord | null> {
    return this.users
      .findOne({ email: normalizeEmail(email) })
      .lean<UserRecord>()
      .exec();
  }

  findById(id: string): Promise<UserRecord | null> {
    return this.users.findById(toObjectId(id)).lean<UserRecord>().exec();
  }

  async getById(id: string): Promise<UserRecord> {
    const user = await this.findById(id);
    if (!user) throw notFound('User');
    return user;
  }

  list(filter: UserFilter = {}, page: PageArgs): Promise<Page<UserRecord>> {
    const query: QueryFilter<UserRecord> = {};
    if (filter.role) query.roles = filter.role;
    if (filter.email) query.email = { $regex: escapeRegex(normalizeEmail(filter.email)) };
    return paginate(this.users, query, page);
  }

  async replacePasswordHash(userId: UserRecord['_id'], passwordHash: string): Promise<void> {
    await this.users.updateOne({ _id: userId }, { $set: { passwordHash } }).exec();
  }

  /**
   * Sets a user's roles and raises their token version (so their access tokens die).
   * Refuses to leave the platform without an ADMIN.
   */
  async updateRoles(id: string, roles: Role[]): Promise<UserRecord> {
    const wanted = [...new Set(roles)];
    if (wanted.length === 0) throw badInput('A user needs at least one role', 'roles');
    const userId = toObjectId(id);
    return withRoleChangeLock(this.lockRedis, async () => {
      const user = await this.users.findById(userId).lean<UserRecord>().exec();
      if (!user) throw notFound('User');
      if (user.roles.includes(Role.ADMIN) && !wanted.includes(Role.ADMIN)) {
        const otherAdmins = await this.users
          .countDocuments({ roles: Role.ADMIN, _id: { $ne: userId } })
          .exec();
        if (otherAdmins === 0) throw conflict('The last ADMIN cannot lose the ADMIN role');
      }
      await this.users
        .updateOne({ _id: userId }, { $set: { roles: wanted, tokenVersion: user.tokenVersion + 1 } })
        .exec();
      this.logger.info({ userId: id, from: user.roles, to: wanted }, 'roles changed');
      return { ...user, roles: wanted, tokenVersion: user.tokenVersion + 1 };
    });
  }

  /** Users by id, in the order asked, for entity references; others see only themselves. */
  async findVisible(ids: readonly string[], viewer: Identity): Promise<(UserRecord | null)[]> {
    const visible = hasAnyRole(viewer, STAFF_ROLES) ? ids : ids.filter((id) => id === viewer.userId);
    const allowed = visible.filter((id) => /^[0-9a-f]{24}$/.test(id));
    const found = await this.users
      .find({ _id: { $in: allowed } })
      .lean<UserRecord[]>()
      .exec();
    return inIdOrder(ids, found);
  }

  /** Creates the first ADMIN from the environment when there is none yet. */
  async bootstrapAdmin(email: string, password: string): Promise<void> {
    if (await this.users.exists({ roles: Role.ADMIN })) return;
    const existing = await this.findByEmail(email);
    if (existing) {
      await this.users.updateOne({ _id: existing._id }, { $addToSet: { roles: Role.ADMIN } }).exec();
      this.logger.warn({ email }, 'granted ADMIN to the existing account named by ADMIN_EMAIL');
      return;
    }
    try {
      await this.create(email, password, [Role.ADMIN, Role.USER]);
      this.logger.info({ email }, 'bootstrapped the first ADMIN');
    } catch (error) {
      if ((error as { extensions?: { code?: string } }).extensions?.code !== 'CONFLICT') throw error;
    }
  }
}
