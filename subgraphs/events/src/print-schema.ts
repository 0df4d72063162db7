import 'reflect-metadata';
import { printSubgraphSchema } from '@apollo/subgraph';
import { buildEventsSchema } from './schema';

/** Prints this subgraph's SDL for composition (schema/compose.mjs). */
void buildEventsSchema().then((schema) => process.stdout.write(printSubgraphSchema(schema)));
