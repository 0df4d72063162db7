import { type ReturnModelType } from '@typegoose/typegoose';
import { type UserRecord } from '../users/user.model';

/** Days kept at once: the last days of the ranges dashboards ask about, today above all. */
const DAYS_KEPT = 8;

interface Copy {
  counted: number;
  times: Promise<number[]>;
}

/**
 * The sign-up times of a day, kept in the process while the user tally counts that day
 * the same. A range that ends within a day counts the users of that day who signed up
 * before its end, and reading them for each question decoded every user of the day in
 * FerretDB (no range reaches an index). Users are never deleted, so a day's count only
 * grows: every sign-up recorded in the tally, which every instance shares, makes the
 * next question read the day again.
 */
export class SignUpsOfDay {
  private readonly held = new Map<string, Copy>();

  constructor(private readonly users: ReturnModelType<typeof UserRecord>) {}

  /** Users of `day` who signed up before `end`; `counted` is the tally's count of that day. */
  async before(day: string, counted: number, end: Date): Promise<number> {
    let copy = this.held.get(day);
    if (copy?.counted !== counted) {
      copy = { counted, times: this.read(day) };
      this.keep(day, copy);
    }
    const times = await copy.times;
    return times.filter((time) => time < end.getTime()).length;
  }

  private read(day: string): Promise<number[]> {
    const reading = this.users
      .find({ signUpDay: day }, { createdAt: 1 })
      .lean<Pick<UserRecord, 'createdAt'>[]>()
      .exec()
      .then((users) => users.map((user) => user.createdAt.getTime()));
    // A failed read is not kept: the next question reads again.
    reading.catch(() => {
      if (this.held.get(day)?.times === reading) this.held.delete(day);
    });
    return reading;
  }

  /** The newest copy goes last; the oldest goes when there are too many. */
  private keep(day: string, copy: Copy): void {
    this.held.delete(day);
    this.held.set(day, copy);
    if (this.held.size > DAYS_KEPT) this.held.delete(this.held.keys().next().value!);
  }
}
