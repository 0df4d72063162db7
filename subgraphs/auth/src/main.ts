import 'reflect-metadata';
import { runService } from '@rewardgraph/service-kit';
import { createAuthApp } from './app';
import { readAuthConfig } from './config';

void runService('auth', async () => createAuthApp(readAuthConfig()));
