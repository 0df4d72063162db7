import 'reflect-metadata';
import { runService } from '@rewardgraph/service-kit';
import { createGatewayApp } from './app';
import { readGatewayConfig } from './config';

void runService('gateway', async () => createGatewayApp(readGatewayConfig()));
