import { type NodeEnv, exposure } from '../config/load-config';
import { createErrorFormatter } from '../errors/format-error';
import { type Logger } from 'pino';

/** What every Apollo Server of the platform (gateway and subgraphs) is configured with. */
export function apolloDefaults(logger: Logger, nodeEnv: NodeEnv) {
  const { introspection, stackTraces } = exposure(nodeEnv);
  return {
    introspection,
    csrfPrevention: true,
    // runService owns SIGINT/SIGTERM; Apollo's own handlers would race it and stall the drain.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: stackTraces,
    formatError: createErrorFormatter(logger, stackTraces),
  };
}
