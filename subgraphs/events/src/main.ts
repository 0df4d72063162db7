import 'reflect-metadata';
import { runService } from '@rewardgraph/service-kit';
import { createEventsApp } from './app';
import { readEventsConfig } from './config';

void runService('events', async () => createEventsApp(readEventsConfig()));
