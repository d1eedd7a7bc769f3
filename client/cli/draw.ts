import { DRAW_USAGE, parseDrawArgs } from './draw-args';
import { runDraw } from './run-draw';

/** `npm run draw -- --image FILE --x X --y Y ...`: paints an image onto a Boltboard. */
async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(DRAW_USAGE);
    return;
  }
  let args;
  try {
    args = parseDrawArgs(argv);
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${DRAW_USAGE}`);
    process.exitCode = 2;
    return;
  }
  const summary = await runDraw(args, (line) => console.log(line));
  console.log(
    args.dryRun
      ? `dry run: ${summary.pixelsToBuy} pixels, ${summary.priceSat} sat`
      : `done: ${summary.ordersPaid} order(s) paid, ${summary.satSpent} sat spent`,
  );
}

main().catch((error: unknown) => {
  console.error(`draw failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
