import {
  EventStatus,
  Role,
  RewardType,
  type EventFieldsFragment,
  type EventsQuery,
  type EventWithRewardsQuery,
} from '@rewardgraph/api-client';
import { screen } from '@testing-library/react';
import { renderPage } from '../test/render-page';
import { sessionAs } from '../test/session-as';
import { stubClient } from '../test/stub-client';
import { EventDetailPage } from './event-detail-page';
import { EditEventPage } from './event-form-page';
import { EventsPage } from './events-page';

const event: EventFieldsFragment = {
  id: 'e1',
  name: 'Winter Festival',
  description: 'Snow and quests',
  condition: {
    all: [
      { metric: 'loginDays', gte: 3 },
      { metric: 'activity:quest_clear', gte: 5 },
    ],
  },
  periodStart: '2030-01-10T10:00:00.000Z',
  periodEnd: '2030-01-20T10:00:00.000Z',
  status: EventStatus.ACTIVE,
  isOpen: true,
  createdAt: '2029-12-01T10:00:00.000Z',
  updatedAt: '2029-12-02T10:00:00.000Z',
};

const Events: EventsQuery = {
  events: { totalCount: 1, pageInfo: { hasNextPage: false, endCursor: 'c1' }, nodes: [event] },
};

const EventWithRewards: EventWithRewardsQuery = {
  event,
  eventRewards: [
    {
      id: 'er1',
      eventId: 'e1',
      rewardId: 'r1',
      condition: { metric: 'loginDays', gte: 1 },
      autoResolve: true,
      stock: 100,
      perUserLimit: 1,
      granted: 7,
      stockLeft: 93,
      reward: {
        __typename: 'PointReward',
        id: 'r1',
        type: RewardType.POINT,
        name: 'Snow points',
        points: 50,
        createdAt: '2029-12-01T10:00:00.000Z',
        updatedAt: '2029-12-01T10:00:00.000Z',
      },
    },
  ],
};

const listAs = (roles: Role[]) =>
  renderPage({
    session: sessionAs(roles),
    routes: [{ path: '/events', element: <EventsPage /> }],
    path: '/events',
    client: stubClient({ query: { Events: { data: Events } } }),
  });
const detailAs = (roles: Role[]) =>
  renderPage({
    session: sessionAs(roles),
    routes: [{ path: '/events/:id', element: <EventDetailPage /> }],
    path: '/events/e1',
    client: stubClient({ query: { EventWithRewards: { data: EventWithRewards } } }),
  });

const EDIT_CONTROLS = ['Edit event', 'Attach reward', 'Edit Snow points', 'Remove Snow points'];

describe('what each role may do on the events pages', () => {
  it('shows an AUDITOR the list without the New event button', async () => {
    listAs([Role.AUDITOR]);
    expect(await screen.findByRole('link', { name: 'Winter Festival' })).toHaveAttribute(
      'href',
      '/events/e1',
    );
    expect(screen.queryByRole('link', { name: 'New event' })).not.toBeInTheDocument();
  });

  it('offers an OPERATOR the New event button', async () => {
    listAs([Role.OPERATOR]);
    expect(await screen.findByRole('link', { name: 'New event' })).toHaveAttribute('href', '/events/new');
  });

  it('shows an AUDITOR the event, its condition and rewards, and no edit controls', async () => {
    detailAs([Role.AUDITOR]);

    expect(await screen.findByRole('heading', { level: 1, name: 'Winter Festival' })).toBeInTheDocument();
    expect(screen.getByText('login days ≥ 3 and quest_clear ≥ 5')).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: '93' })).toBeInTheDocument();
    for (const name of [...EDIT_CONTROLS, 'Delete event']) {
      expect(screen.queryByRole('button', { name })).not.toBeInTheDocument();
      expect(screen.queryByRole('link', { name })).not.toBeInTheDocument();
    }
  });

  it('gives an OPERATOR the edit controls, but deleting the event only to an ADMIN', async () => {
    detailAs([Role.OPERATOR]);

    expect(await screen.findByRole('link', { name: 'Edit event' })).toHaveAttribute(
      'href',
      '/events/e1/edit',
    );
    for (const name of EDIT_CONTROLS.slice(1))
      expect(screen.getByRole('button', { name })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Delete event' })).not.toBeInTheDocument();
  });

  it('gives an ADMIN the Delete event button', async () => {
    detailAs([Role.ADMIN]);
    expect(await screen.findByRole('button', { name: 'Delete event' })).toBeInTheDocument();
  });

  it('tells an AUDITOR who opens the edit page that they cannot edit events', async () => {
    renderPage({
      session: sessionAs([Role.AUDITOR]),
      routes: [{ path: '/events/:id/edit', element: <EditEventPage /> }],
      path: '/events/e1/edit',
      client: stubClient({ query: { EventWithRewards: { data: EventWithRewards } } }),
    });

    expect(await screen.findByText('You cannot edit events')).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Name' })).not.toBeInTheDocument();
  });
});
