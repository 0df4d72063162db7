import { Comparison, EventStatus, Metric, type EventRewardFieldsFragment } from '@rewardgraph/api-client';
import { changeShape } from '../conditions/condition-edits';
import { eventFormValues, updateEventInput } from './event-form-values';
import { eventRewardFormValues, updateEventRewardInput } from './event-reward-form-values';

const event = {
  id: 'e1',
  name: 'Winter Festival',
  description: '',
  condition: { metric: 'loginDays', gte: 3 },
  periodStart: '2030-01-10T10:00:00.000Z',
  periodEnd: '2030-01-20T10:00:00.000Z',
  status: EventStatus.DRAFT,
  isOpen: false,
  createdAt: '2029-12-01T10:00:00.000Z',
  updatedAt: '2029-12-01T10:00:00.000Z',
};

const eventReward: EventRewardFieldsFragment = {
  id: 'er1',
  eventId: 'e1',
  rewardId: 'r1',
  condition: { any: [{ metric: 'activity:pvp_win', gt: 0 }] },
  autoResolve: false,
  stock: 10,
  perUserLimit: 1,
  granted: 0,
  stockLeft: 10,
  reward: null,
};

describe('updateEventInput', () => {
  it('sends nothing when nothing changed, the stored condition read back included', () => {
    expect(updateEventInput(eventFormValues(event), eventFormValues(event))).toEqual({});
  });

  it('sends only the changed fields, a removed condition as null', () => {
    const initial = eventFormValues(event);
    const input = updateEventInput(initial, {
      ...initial,
      name: ' Winter Festival 2030 ',
      status: EventStatus.ACTIVE,
      condition: null,
    });
    expect(input).toEqual({ name: 'Winter Festival 2030', status: EventStatus.ACTIVE, condition: null });
  });
});

describe('updateEventRewardInput', () => {
  it('sends a cleared stock as null (unlimited) and a changed condition as its input', () => {
    const initial = eventRewardFormValues(eventReward);
    const input = updateEventRewardInput(initial, {
      ...initial,
      stock: '',
      condition: changeShape(initial.condition, 'all'),
    });
    expect(input).toEqual({
      stock: null,
      condition: {
        all: [
          { rule: { metric: Metric.ACTIVITY, activity: 'pvp_win', comparison: Comparison.GT, value: 0 } },
        ],
      },
    });
  });

  it('sends a removed condition as null, which removes it', () => {
    const initial = eventRewardFormValues(eventReward);
    expect(updateEventRewardInput(initial, { ...initial, condition: null })).toEqual({ condition: null });
  });
});
