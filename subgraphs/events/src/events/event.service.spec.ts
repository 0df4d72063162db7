import { assertPeriod, escapeRegExp, eventFilterQuery } from './event.service';
import { isEventOpen } from './event.model';
import { EventStatus } from './event-status';

const day = 86_400_000;
const now = new Date('2026-06-01T12:00:00Z');

describe('event period and openness', () => {
  it('when periodEnd is not after periodStart, then it is BAD_USER_INPUT', () => {
    expect(() => assertPeriod(now, now)).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }),
    );
    expect(() => assertPeriod(now, new Date(now.getTime() + 1))).not.toThrow();
  });

  it.each([
    [EventStatus.ACTIVE, -day, day, true],
    [EventStatus.DRAFT, -day, day, false],
    [EventStatus.ACTIVE, day, 2 * day, false],
    [EventStatus.ACTIVE, -2 * day, 0, false],
  ])('when an event is %s from %d to %d ms around now, then isOpen is %s', (status, from, to, open) => {
    const event = {
      status,
      periodStart: new Date(now.getTime() + from),
      periodEnd: new Date(now.getTime() + to),
    };
    expect(isEventOpen(event, now)).toBe(open);
  });

  it('when filtering on isOpen, then the query asks for ACTIVE events around now, every field at the top level', () => {
    expect(eventFilterQuery({ isOpen: true }, now)).toEqual({
      status: EventStatus.ACTIVE,
      periodStart: { $lte: now },
      periodEnd: { $gt: now },
    });
    expect(eventFilterQuery({}, now)).toEqual({});
  });
});

describe('searching events by name', () => {
  it('when the search holds regex characters, then they are matched literally, in any letter case', () => {
    const query = eventFilterQuery({ search: 'a.b (2) [x]*' }) as { name: { $regex: string } };
    const pattern = new RegExp(query.name.$regex, 'i');

    expect(pattern.test('Season A.B (2) [X]* finale')).toBe(true);
    expect(pattern.test('aXb (2) [x]')).toBe(false);
    expect(escapeRegExp('^$|\\?+{}')).toBe('\\^\\$\\|\\\\\\?\\+\\{\\}');
  });

  it('when the search is empty, then it filters nothing', () => {
    expect(eventFilterQuery({ search: '' })).toEqual({});
  });
});
