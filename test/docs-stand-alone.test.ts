import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

const REPO = path.resolve(__dirname, '..');
// Spelled in pieces so that this file does not match itself.
const OUTSIDE_REFERENCES = ['..' + '/shared', 'shared/' + 'DESIGN.md'];

/** A clone has only what is in the repository: nothing may send readers outside it. */
it('no file in the repository points to documents outside it', () => {
  const files = execFileSync(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
    {
      cwd: REPO,
      encoding: 'utf8',
    },
  )
    .split('\0')
    .filter((file) => file && existsSync(path.join(REPO, file)))
    .filter((file) => statSync(path.join(REPO, file)).isFile());
  expect(files.length).toBeGreaterThan(100);
  const offending = files.filter((file) => {
    const text = readFileSync(path.join(REPO, file), 'utf8');
    return OUTSIDE_REFERENCES.some((reference) => text.includes(reference));
  });
  expect(offending).toEqual([]);
});

it('the guides the README and /docs name are in docs/', () => {
  for (const guide of ['api', 'socket-events', 'data-model', 'payment-flow', 'operations']) {
    expect(existsSync(path.join(REPO, 'docs', `${guide}.md`))).toBe(true);
  }
  expect(readFileSync(path.join(REPO, 'docs', 'boltboard.service'), 'utf8')).toMatch(
    /ExecStart=\/usr\/bin\/npm run serve[\s\S]*KillSignal=SIGTERM[\s\S]*Restart=on-failure/,
  );
});
