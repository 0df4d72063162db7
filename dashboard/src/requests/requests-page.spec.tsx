import { Role } from '@rewardgraph/api-client';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import dayjs from 'dayjs';
import { getOperationName } from 'urql';
import { renderPage } from '../test/render-page';
import { sessionAs } from '../test/session-as';
import { stubClient, type StubAnswers } from '../test/stub-client';
import { RequestsPage } from './requests-page';

const EVENT = '64b000000000000000000001';
const PLAYER = '64b0000000000000000000aa';
const page = { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] };

const answers: StubAnswers = {
  RewardRequests: { data: { rewardRequests: page } },
  Events: { data: { events: { ...page, nodes: [] } } },
  EventOption: { data: { event: { id: EVENT, name: 'Winter Festival' } } },
  PlayerByEmail: (request) => ({ data: { userByEmail: { id: PLAYER, email: request.variables?.email } } }),
};

function renderAt(path: string, roles: Role[]) {
  const client = stubClient({ query: answers });
  const { router } = renderPage({
    session: sessionAs(roles),
    routes: [{ path: '/requests', element: <RequestsPage /> }],
    path,
    client,
  });
  /** The variables of the latest search sent. */
  const lastSearch = () =>
    client.executeQuery.mock.calls
      .map(([request]) => request)
      .filter((request) => getOperationName(request.query) === 'RewardRequests')
      .at(-1)?.variables;
  return { lastSearch, router };
}

describe('RequestsPage', () => {
  it('searches with the filters of the address', async () => {
    const { lastSearch } = renderAt(
      `/requests?status=PENDING&event=${EVENT}&player=${PLAYER}&from=2026-01-10&to=2026-01-20&order=UPDATED_AT&direction=ASC`,
      [Role.AUDITOR],
    );
    await waitFor(() =>
      expect(lastSearch()).toMatchObject({
        after: null,
        orderBy: { field: 'UPDATED_AT', direction: 'ASC' },
        filter: {
          status: 'PENDING',
          eventId: EVENT,
          userId: PLAYER,
          from: dayjs('2026-01-10').toISOString(),
          // "to" is the last day shown: the API's end is exclusive.
          to: dayjs('2026-01-21').toISOString(),
        },
      }),
    );
    expect(await screen.findByRole('combobox', { name: 'Event' })).toHaveValue('Winter Festival');
  });

  it('puts a chosen status in the address and the search', async () => {
    const user = userEvent.setup();
    const { lastSearch, router } = renderAt('/requests', [Role.OPERATOR]);
    await waitFor(() =>
      expect(lastSearch()).toMatchObject({ orderBy: { field: 'CREATED_AT', direction: 'DESC' }, filter: {} }),
    );

    await user.click(screen.getByRole('combobox', { name: 'Status' }));
    // The dropdown is still in its opening transition in jsdom (display: none).
    await user.click(await screen.findByRole('option', { name: 'APPROVED', hidden: true }));

    await waitFor(() => expect(lastSearch()).toMatchObject({ filter: { status: 'APPROVED' } }));
    expect(router.state.location.search).toBe('?status=APPROVED');
  });

  it('finds the player by email for an ADMIN', async () => {
    const user = userEvent.setup();
    const { lastSearch, router } = renderAt('/requests', [Role.ADMIN]);

    await user.type(screen.getByRole('textbox', { name: 'Player' }), 'ada@example.com{Enter}');

    await waitFor(() => expect(lastSearch()).toMatchObject({ filter: { userId: PLAYER } }));
    expect(router.state.location.search).toBe('?player=ada%40example.com');
  });

  it('asks other staff for the player id instead of searching users', async () => {
    const user = userEvent.setup();
    const { lastSearch } = renderAt('/requests', [Role.OPERATOR]);
    await waitFor(() => expect(lastSearch()).toBeDefined());

    await user.type(screen.getByRole('textbox', { name: 'Player' }), 'ada@example.com{Enter}');

    expect(await screen.findByText(/only an ADMIN can look players up by email/)).toBeInTheDocument();
    expect(lastSearch()).not.toMatchObject({ filter: { userId: expect.anything() } });
  });
});
