// `npm run regtest [-- start|stop|status|mine N|restart shop|wallet|reset]`: a real local
// Lightning network on 127.0.0.1 (btcd + two LND nodes with a channel), left running.
import path from 'node:path';
import { shellExports } from './exports';
import {
  ensureRegtestNetwork,
  mineRegtestBlocks,
  regtestStatus,
  resetRegtestNetwork,
  restartRegtestNode,
  stopRegtestNetwork,
  type RegtestOptions,
} from './network';

const USAGE =
  'usage: npm run regtest [-- start | stop | status | mine N | restart shop|wallet | reset]';

async function main(args: string[]): Promise<void> {
  const options: RegtestOptions = {
    dir: path.resolve(process.env.REGTEST_DIR ?? './data/regtest'),
    log: (line) => process.stderr.write(`${line}\n`),
  };
  const [command = 'start', argument] = args;
  const started = Date.now();
  switch (command) {
    case 'start': {
      const network = await ensureRegtestNetwork(options);
      process.stderr.write(
        `regtest: ready in ${((Date.now() - started) / 1000).toFixed(1)} s; ` +
          `details in ${path.join(network.dir, 'network.json')}\n`,
      );
      process.stdout.write(`${shellExports(network.env).join('\n')}\n`);
      return;
    }
    case 'stop':
      await stopRegtestNetwork(options);
      process.stderr.write('regtest: stopped\n');
      return;
    case 'status':
      process.stdout.write(`${JSON.stringify(await regtestStatus(options), null, 2)}\n`);
      return;
    case 'mine': {
      const count = Number(argument ?? '1');
      if (!Number.isInteger(count) || count < 1) throw new Error(USAGE);
      process.stdout.write(`height ${await mineRegtestBlocks(options, count)}\n`);
      return;
    }
    case 'restart':
      if (argument !== 'shop' && argument !== 'wallet') throw new Error(USAGE);
      await restartRegtestNode(options, argument);
      process.stderr.write(`regtest: ${argument} restarted\n`);
      return;
    case 'reset':
      await resetRegtestNetwork(options);
      process.stderr.write('regtest: stopped and deleted\n');
      return;
    default:
      throw new Error(USAGE);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
