import { parseArgs } from 'node:util';
import { z } from 'zod';

/** What `npm run draw` was asked to do. */
export interface DrawArgs {
  image: string;
  x: number;
  y: number;
  width?: number;
  dither: boolean;
  name?: string;
  message?: string;
  dryRun: boolean;
  payment:
    | { kind: 'invoice' }
    | { kind: 'dev-pay' }
    | { kind: 'lnd'; host: string; cert: string; macaroon: string };
  url: string;
  keep: boolean;
  budgetSat?: number;
  /** Hidden: stop after this many paid orders (tests an interrupted run). */
  maxOrders?: number;
  stateDir?: string;
}

export const DRAW_USAGE = `Usage: npm run draw -- --image FILE --x X --y Y [options]
  --width W          scale the image to W pixels wide (keeps the aspect ratio)
  --dither           Floyd–Steinberg dithering (default: nearest colour)
  --name N --message M   shown in the pixels' history
  --dry-run          print pixel count and price, write a preview PNG, buy nothing
  --dev-pay          pay with the server's simulator test wallet (/api/dev/pay)
  --lnd-host H --lnd-cert C --lnd-macaroon M   pay with your own LND (file paths, base64 or hex)
                     (neither: print each invoice with a QR code and wait for you to pay it)
  --url U            server (default http://localhost:3000)
  --keep --budget SATS   keep watching and re-buy damaged pixels, spending at most SATS
  Every invoice is decoded before it is paid: its amount must be the pixels ordered times the
  board's price, its network the board's, and a run never pays more than the price it printed
  (plus --budget); anything else is refused and nothing is paid.
  --state-dir D      where the resume file goes (default: the current directory)`;

const int = (min: number) => z.coerce.number().int().min(min);

const argsSchema = z
  .object({
    image: z.string().min(1, 'is required'),
    x: int(0),
    y: int(0),
    width: int(1).optional(),
    dither: z.boolean().default(false),
    name: z.string().optional(),
    message: z.string().optional(),
    'dry-run': z.boolean().default(false),
    'dev-pay': z.boolean().default(false),
    'lnd-host': z.string().optional(),
    'lnd-cert': z.string().optional(),
    'lnd-macaroon': z.string().optional(),
    url: z.url().default('http://localhost:3000'),
    keep: z.boolean().default(false),
    budget: int(0).optional(),
    'max-orders': int(1).optional(),
    'state-dir': z.string().optional(),
  })
  .refine((a) => !a.keep || a.budget !== undefined, { message: '--keep needs --budget SATS' })
  .refine((a) => !(a['dev-pay'] && a['lnd-host']), {
    message: '--dev-pay and --lnd-host exclude each other',
  })
  .refine((a) => !a['lnd-host'] || (a['lnd-cert'] && a['lnd-macaroon']), {
    message: '--lnd-host needs --lnd-cert and --lnd-macaroon',
  });

/** Parses the command line; throws an Error with a readable message on bad input. */
export function parseDrawArgs(argv: string[]): DrawArgs {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      image: { type: 'string' },
      x: { type: 'string' },
      y: { type: 'string' },
      width: { type: 'string' },
      dither: { type: 'boolean' },
      name: { type: 'string' },
      message: { type: 'string' },
      'dry-run': { type: 'boolean' },
      'dev-pay': { type: 'boolean' },
      'lnd-host': { type: 'string' },
      'lnd-cert': { type: 'string' },
      'lnd-macaroon': { type: 'string' },
      url: { type: 'string' },
      keep: { type: 'boolean' },
      budget: { type: 'string' },
      'max-orders': { type: 'string' },
      'state-dir': { type: 'string' },
    },
  });
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length > 0 ? `--${issue.path.join('.')}: ` : '';
    throw new Error(`${where}${issue.message}`);
  }
  const a = parsed.data;
  return {
    image: a.image,
    x: a.x,
    y: a.y,
    width: a.width,
    dither: a.dither,
    name: a.name,
    message: a.message,
    dryRun: a['dry-run'],
    payment: a['lnd-host']
      ? { kind: 'lnd', host: a['lnd-host'], cert: a['lnd-cert']!, macaroon: a['lnd-macaroon']! }
      : a['dev-pay']
        ? { kind: 'dev-pay' }
        : { kind: 'invoice' },
    url: a.url,
    keep: a.keep,
    budgetSat: a.budget,
    maxOrders: a['max-orders'],
    stateDir: a['state-dir'],
  };
}
