import { Stack, Text, Title } from '@mantine/core';
import { CreateEventDocument, EventWithRewardsDocument, UpdateEventDocument } from '@rewardgraph/api-client';
import { useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Can } from '../auth/can';
import { notifyDone } from '../ui/notify';
import { Empty, QueryState } from '../ui/query-state';
import { CannotEditNotice } from './cannot-edit-notice';
import { EventForm } from './event-form';
import { createEventInput, emptyEventValues, eventFormValues, updateEventInput } from './event-form-values';

/** A new event; once created, its page opens (to attach rewards). */
export function CreateEventPage() {
  const navigate = useNavigate();
  const [, createEvent] = useMutation(CreateEventDocument);

  return (
    <Stack>
      <Title order={1} size="h2">
        New event
      </Title>
      <Can action="events:write" otherwise={<CannotEditNotice />}>
        <EventForm
          initial={emptyEventValues()}
          submitLabel="Create event"
          onCancel={() => navigate('/events')}
          onSubmit={async (values) => {
            const result = await createEvent({ input: createEventInput(values) });
            if (!result.data) return result.error ?? new Error('The API gave no answer');
            notifyDone(`Event "${result.data.createEvent.name}" created`);
            navigate(`/events/${result.data.createEvent.id}`);
            return null;
          }}
        />
      </Can>
    </Stack>
  );
}

/** An event's fields; only what was changed is sent. */
export function EditEventPage() {
  return (
    <Stack>
      <Title order={1} size="h2">
        Edit event
      </Title>
      <Can action="events:write" otherwise={<CannotEditNotice />}>
        <EditEventLoader />
      </Can>
    </Stack>
  );
}

function EditEventLoader() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const [result, refetch] = useQuery({ query: EventWithRewardsDocument, variables: { id } });
  const [, updateEvent] = useMutation(UpdateEventDocument);
  const back = () => navigate(`/events/${id}`);

  return (
    <QueryState result={result} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
      {({ event }) => {
        if (!event) return <Empty>There is no event with this id, or it was deleted.</Empty>;
        const initial = eventFormValues(event);
        return (
          <>
            <Text>{event.name}</Text>
            <EventForm
              key={event.id}
              initial={initial}
              submitLabel="Save changes"
              onCancel={back}
              onSubmit={async (values) => {
                const input = updateEventInput(initial, values);
                if (Object.keys(input).length > 0) {
                  const saved = await updateEvent({ id, input });
                  if (!saved.data) return saved.error ?? new Error('The API gave no answer');
                  notifyDone(`Event "${saved.data.updateEvent.name}" saved`);
                } else {
                  notifyDone('Nothing was changed');
                }
                back();
                return null;
              }}
            />
          </>
        );
      }}
    </QueryState>
  );
}
