import { EventStatus, Role, type EventsQuery } from '@rewardgraph/api-client';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderPage } from '../test/render-page';
import { sessionAs } from '../test/session-as';
import { stubClient } from '../test/stub-client';
import { EventsPage } from './events-page';

const Events: EventsQuery = {
  events: {
    totalCount: 21,
    pageInfo: { hasNextPage: true, endCursor: 'cursor-20' },
    nodes: [
      {
        id: 'e1',
        name: 'Winter Festival',
        description: '',
        condition: null,
        periodStart: '2030-01-10T10:00:00.000Z',
        periodEnd: '2030-01-20T10:00:00.000Z',
        status: EventStatus.ACTIVE,
        isOpen: true,
        createdAt: '2029-12-01T10:00:00.000Z',
        updatedAt: '2029-12-01T10:00:00.000Z',
      },
    ],
  },
};

describe('EventsPage', () => {
  it('keeps the filters and order in the address and asks for them, from page 1 again', async () => {
    const user = userEvent.setup();
    const client = stubClient({ query: { Events: { data: Events } } });
    const { router } = renderPage({
      session: sessionAs([Role.AUDITOR]),
      routes: [{ path: '/events', element: <EventsPage /> }],
      path: '/events?sort=NAME&dir=ASC',
      client,
    });
    const lastVariables = () => client.executeQuery.mock.calls.at(-1)?.[0].variables;

    expect(await screen.findByRole('link', { name: 'Winter Festival' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Sort by' })).toHaveValue('NAME');
    expect(lastVariables()).toMatchObject({ after: null, orderBy: { field: 'NAME', direction: 'ASC' } });

    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(lastVariables()).toMatchObject({ after: 'cursor-20' });
    expect(screen.getByText(/Page 2/)).toBeInTheDocument();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), EventStatus.DRAFT);
    expect(router.state.location.search).toBe('?sort=NAME&dir=ASC&status=DRAFT');
    expect(lastVariables()).toMatchObject({ after: null, filter: { status: 'DRAFT' } });
    expect(screen.getByText(/Page 1/)).toBeInTheDocument();

    await user.type(screen.getByRole('searchbox', { name: 'Search by name' }), 'winter');
    await waitFor(() => expect(router.state.location.search).toContain('q=winter'));
    // The debounced search changes the address from a timer; the page renders (and asks) after.
    await waitFor(() =>
      expect(lastVariables()).toMatchObject({ filter: { status: 'DRAFT', search: 'winter' } }),
    );
  });
});
