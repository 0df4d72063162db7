import { SimpleGrid, Stack, Title } from '@mantine/core';
import type { AnalyticsQuery } from '@rewardgraph/api-client';
import { useId, type ReactNode } from 'react';
import { EVENT_STATUS_COLORS, REQUEST_STATUS_COLORS, REWARD_TYPE_COLORS } from './chart-colors';
import { DistributionFigure } from './distribution-figure';
import { RewardsPerEventFigure } from './rewards-per-event-figure';
import { StatCards } from './stat-cards';
import { TimelineFigure } from './timeline-figure';

function Section({ title, children }: { title: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <Stack component="section" gap="sm" aria-labelledby={headingId}>
      <Title order={2} size="h3" id={headingId}>
        {title}
      </Title>
      {children}
    </Stack>
  );
}

/** The nine figures of one range, by what they are about: users, events, rewards. */
export function AnalyticsFigures({ data }: { data: AnalyticsQuery }) {
  const { eventAnalytics: events, rewardAnalytics: rewards, userAnalytics: users } = data;
  return (
    <Stack gap="xl">
      <Section title="Users">
        <StatCards users={users} />
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <TimelineFigure
            title="New users per day"
            name="New users"
            days={users.newUsersTimeline}
            color="indigo.7"
            empty="Nobody signed up in this range."
          />
          <TimelineFigure
            title="Activity per day"
            name="Activities"
            days={users.activityTimeline}
            color="teal.8"
            empty="No activity was recorded in this range."
          />
        </SimpleGrid>
      </Section>
      <Section title="Events">
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <DistributionFigure
            title="Events by status"
            counts={events.statusDistribution.map(({ status, count }) => ({ kind: status, count }))}
            colors={EVENT_STATUS_COLORS}
            kindName="Status"
            chart="donut"
            empty="No events were created in this range."
          />
          <TimelineFigure
            title="Events created per day"
            name="Events created"
            days={events.timeline}
            color="indigo.7"
            empty="No events were created in this range."
          />
        </SimpleGrid>
        <RewardsPerEventFigure events={events.rewardsPerEvent} />
      </Section>
      <Section title="Rewards and requests">
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <DistributionFigure
            title="Catalog rewards by type"
            counts={rewards.typeDistribution.map(({ type, count }) => ({ kind: type, count }))}
            colors={REWARD_TYPE_COLORS}
            kindName="Type"
            chart="donut"
            empty="No catalog rewards were created in this range."
          />
          <DistributionFigure
            title="Requests by status"
            counts={rewards.requestStatusDistribution.map(({ status, count }) => ({ kind: status, count }))}
            colors={REQUEST_STATUS_COLORS}
            kindName="Status"
            chart="bars"
            empty="No rewards were requested in this range."
          />
        </SimpleGrid>
        <TimelineFigure
          title="Requests per day"
          name="Requests"
          days={rewards.requestTimeline}
          color="grape.8"
          empty="No rewards were requested in this range."
        />
      </Section>
    </Stack>
  );
}
