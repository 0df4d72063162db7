import { type ReturnModelType } from '@typegoose/typegoose';
import { type Redis } from 'ioredis';
import { Types, type QueryFilter } from 'mongoose';
import {
  badInput,
  conflict,
  dayOf,
  isDuplicateKey,
  notFound,
  paginate,
  readByIds,
  Role,
  toObjectId,
  readPage,
  type Page,
  type PageArgs,
  type Tally,
} from '@rewardgraph/service-kit';
import { type Logger } from 'pino';
import { USER_SIGNED_UP } from '../outbox/auth-outbox';
import { type OutboxRecord } from '../outbox/outbox.model';
import { hashPassword } from '../passwords/password-hasher';
import { withRoleChangeLock } from './role-change-lock';
import { type UserDisplayCache } from './user-display-cache';
import { signUpOf } from './user-figures';
import { type UserRecord } from './user.model';
import { type UserFilter } from './user.input';
import { toUser, type User } from './user.type';

export type UserModel = ReturnModelType<typeof UserRecord>;

export const normalizeEmail = (email: string) => email.trim().toLowerCase();
const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const emailTaken = () => conflict('An account with this email already exists');

export class UserService {
  private readonly reservedEmail: string | undefined;

  /** `adminEmail` is ADMIN_EMAIL: the address only the bootstrap may create. */
  constructor(
    private readonly users: UserModel,
    private readonly outbox: ReturnModelType<typeof OutboxRecord>,
    private readonly lockRedis: Redis,
    private readonly tally: Tally,
    private readonly displays: UserDisplayCache,
    private readonly logger: Logger,
    adminEmail?: string,
  ) {
    this.reservedEmail = adminEmail ? normalizeEmail(adminEmail) : undefined;
  }

  /**
   * Sign-up always makes a plain USER; only an ADMIN grants more. ADMIN_EMAIL is
   * reserved for the bootstrapped admin and answered as a taken email (which it is once
   * bootstrapped), so nobody creates the account the bootstrap would otherwise find.
   */
  async signUp(email: string, password: string): Promise<UserRecord> {
    if (normalizeEmail(email) === this.reservedEmail) throw emailTaken();
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
    const signUpDay = dayOf(now);
    try {
      const created = await this.tally.track(signUpOf({ _id, signUpDay }), () =>
        this.users.create({ _id, email: normalizeEmail(email), passwordHash, roles, signUpDay }),
      );
      return created.toObject();
    } catch (error) {
      await Promise.all([
        this.outbox.deleteOne({ _id: event._id }).exec(),
        this.tally.forget(_id.toHexString(), signUpDay),
      ]);
      if (isDuplicateKey(error)) throw emailTaken();
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

  /** Every user is counted by the tally (FerretDB counts by reading each user); a filtered list in the database. */
  async list(filter: UserFilter = {}, page: PageArgs): Promise<Page<UserRecord>> {
    const query: QueryFilter<UserRecord> = {};
    if (filter.role) query.roles = filter.role;
    if (filter.email) query.email = { $regex: escapeRegex(normalizeEmail(filter.email)) };
    const counts = Object.keys(query).length === 0 ? await this.tally.read() : null;
    if (!counts) return paginate(this.users, query, page);
    return {
      ...(await readPage(this.users, query, page)),
      totalCount: [...counts.totals.values()].reduce((n, c) => n + c, 0),
    };
  }

  /** Also moves `updatedAt`, which the display cache keeps: the user's entry is held. */
  async replacePasswordHash(userId: UserRecord['_id'], passwordHash: string): Promise<void> {
    await this.users.updateOne({ _id: userId }, { $set: { passwordHash } }).exec();
    await this.displays.hold(userId.toHexString());
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
      await this.displays.hold(id);
      this.logger.info({ userId: id, from: user.roles, to: wanted }, 'roles changed');
      return { ...user, roles: wanted, tokenVersion: user.tokenVersion + 1 };
    });
  }

  /** Users by canonical id, in the order asked (null where none). */
  findByIds(ids: readonly string[]): Promise<(UserRecord | null)[]> {
    return readByIds<UserRecord>(this.users, ids);
  }

  /**
   * What other subgraphs show of users (entity references), through the display cache:
   * for display only, never for a decision about access.
   */
  displaysByIds(ids: readonly string[]): Promise<(User | null)[]> {
    return this.displays.getMany(ids, async (missing) =>
      (await this.findByIds(missing)).map((user) => user && toUser(user)),
    );
  }

  /**
   * Creates the first ADMIN from the environment when there is none yet. An existing
   * account with that email is never promoted: it may have been signed up by anyone
   * before ADMIN_EMAIL was set (or reserved), and promoting it would hand them the
   * platform. The operator is told what to do instead.
   */
  async bootstrapAdmin(email: string, password: string): Promise<void> {
    if (await this.users.exists({ roles: Role.ADMIN })) return;
    const existing = await this.findByEmail(email);
    // Another instance starting at the same moment created it since the check above.
    if (existing?.roles.includes(Role.ADMIN)) return;
    if (existing) {
      this.logger.error(
        { email },
        'no ADMIN exists and ADMIN_EMAIL names an account someone already signed up, which is NOT promoted: set ADMIN_EMAIL to an address without an account and restart; that ADMIN can then grant roles',
      );
      return;
    }
    try {
      await this.create(email, password, [Role.ADMIN, Role.USER]);
      this.logger.info({ email }, 'bootstrapped the first ADMIN');
    } catch (error) {
      // Another instance starting at the same moment created it.
      if ((error as { extensions?: { code?: string } }).extensions?.code !== 'CONFLICT') throw error;
    }
  }
}
