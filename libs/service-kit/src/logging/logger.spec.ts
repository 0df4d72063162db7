import fs from 'node:fs';
import { stripVTControlCharacters } from 'node:util';
import { createLogger } from './logger';
import { requestScope } from './request-context';

/** What a logger wrote to stdout (pino-pretty writes to file descriptor 1 with writeSync). */
function written(log: () => void): string {
  const chunks: string[] = [];
  const writeSync = jest.spyOn(fs, 'writeSync').mockImplementation((_fd, data) => {
    chunks.push(String(data));
    return String(data).length;
  });
  const write = jest.spyOn(process.stdout, 'write').mockImplementation((data) => {
    chunks.push(String(data));
    return true;
  });
  try {
    log();
  } finally {
    writeSync.mockRestore();
    write.mockRestore();
  }
  return chunks.join('');
}

describe('logger', () => {
  it('when the format is json, then each entry is one JSON object with the service and request id', () => {
    const logger = createLogger({ service: 'auth', level: 'info', format: 'json' });
    const out = written(() => requestScope.run({ requestId: 'r-1' }, () => logger.info({ a: 1 }, 'hello')));
    expect(JSON.parse(out)).toMatchObject({
      service: 'auth',
      requestId: 'r-1',
      msg: 'hello',
      a: 1,
      level: 30,
    });
  });

  it('when the format is pretty, then each entry is one readable line naming the service', () => {
    const logger = createLogger({ service: 'events', level: 'info', format: 'pretty' });
    const out = written(() => logger.info({ a: 1 }, 'hello'));
    expect(out.split('\n').filter(Boolean)).toHaveLength(1);
    // Colours are on only for a terminal; the words are what matters.
    expect(stripVTControlCharacters(out)).toMatch(
      /^\[\d\d:\d\d:\d\d\.\d{3}\] INFO: \[events\] hello \{"a":1\}\n$/,
    );
  });

  it('when a password is logged, then it is redacted in either format', () => {
    for (const format of ['json', 'pretty'] as const) {
      const logger = createLogger({ service: 'auth', level: 'info', format });
      const out = written(() => logger.info({ input: { password: 'hunter2' } }, 'login'));
      expect(out).not.toContain('hunter2');
    }
  });
});
