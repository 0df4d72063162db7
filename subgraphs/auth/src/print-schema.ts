import 'reflect-metadata';
import { printSubgraphSchema } from '@apollo/subgraph';
import { buildAuthSchema } from './schema';

/** Prints this subgraph's SDL for composition (schema/compose.mjs). */
void buildAuthSchema().then((schema) => process.stdout.write(printSubgraphSchema(schema)));
