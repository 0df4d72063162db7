// `npm run logs` on a terminal: the services' JSON log lines from stdin, shown as
// LOG_FORMAT=pretty prints them (the service kit's own options); other lines pass unchanged.
import { createRequire } from 'node:module';

const kit = createRequire(new URL('../libs/service-kit/package.json', import.meta.url));
const { PinoPretty } = kit('pino-pretty');
const { prettyOptions } = kit('./dist/logging/pretty-options.js');

process.stdin.pipe(PinoPretty({ ...prettyOptions, sync: true }));
