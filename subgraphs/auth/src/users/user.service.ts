import { type ReturnModelType } from '@typegoose/typegoose';
import {
  conflict,
  hasAnyRole,
  isDuplicateKey,
  notFound,
  Role,
  STAFF_ROLES,
  type Identity,
} from '@rewardgraph/service-kit';
import { type Logger } from 'pino';
import { hashPassword } from '../passwords/password-hasher';
import { type UserRecord } from './user.model';

export type UserModel = ReturnModelType<typeof UserRecord>;

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export class UserService {
  constructor(
    private readonly users: UserModel,
    private readonly logger: Logger,
  ) {}

  /** Sign-up always makes a plain USER; only an ADMIN grants more. */
  async signUp(email: string, password: string): Promise<UserRecord> {
    return this.create(email, password, [Role.USER]);
  }

  async create(email: string, password: string, roles: Role[]): Promise<UserRecord> {
    const passwordHash = await hashPassword(password);
    try {
      const created = await this.users.create({ email: normalizeEmail(email), passwordHash, roles });
      return created.toObject();
    } catch (error) {
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

  async getById(id: string): Promise<UserRecord> {
    const user = await this.users.findById(id).lean<UserRecord>().exec();
    if (!user) throw notFound('User');
    return user;
  }

  /** Users by id, in the order asked, for entity references; others see only themselves. */
  async findVisible(ids: readonly string[], viewer: Identity): Promise<(UserRecord | null)[]> {
    const visible = hasAnyRole(viewer, STAFF_ROLES) ? ids : ids.filter((id) => id === viewer.userId);
    const allowed = visible.filter((id) => /^[0-9a-f]{24}$/.test(id));
    const found = await this.users
      .find({ _id: { $in: allowed } })
      .lean<UserRecord[]>()
      .exec();
    const byId = new Map(found.map((u) => [u._id.toHexString(), u]));
    return ids.map((id) => byId.get(id) ?? null);
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
