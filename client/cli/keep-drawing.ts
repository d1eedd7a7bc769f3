import type { WirePixel } from '../../protocol/changes';
import type { BoardSettings } from '../../protocol/settings';
import type { BoardIndices } from '../board-download';
import { createRememberedOrder, payRememberedOrder, type BuyContext } from './order-buyer';
import { splitIntoOrders } from '../../protocol/price';
import { pixelsToBuy, positionKey } from './pixel-plan';

const REPAIR_DELAY_MS = 1_000;

/**
 * Keeps the drawing intact: mirrors the board from its live changes and, when pixels of the
 * drawing are painted over, buys them back, spending at most `budgetSat` in all. Runs until the
 * budget cannot pay for the next repair or the process is stopped.
 */
export async function keepDrawing(
  context: BuyContext,
  options: { placed: WirePixel[]; budgetSat: number; settings: BoardSettings },
): Promise<void> {
  const { client, print } = context;
  const { placed, settings } = options;
  const ours = new Set(placed.map(([x, y]) => positionKey(x, y)));
  let board: BoardIndices = await client.board();
  let spent = 0;
  let timer: NodeJS.Timeout | undefined;
  let repairing = false;
  print(`keeping watch; repairs may spend ${options.budgetSat} sat`);

  return new Promise<void>((resolve, reject) => {
    const repair = async () => {
      if (repairing) return;
      repairing = true;
      try {
        const damaged = pixelsToBuy(placed, board);
        const affordable = Math.floor((options.budgetSat - spent) / settings.pricePerPixelSat);
        if (damaged.length > affordable) {
          print(`${damaged.length} pixels damaged but only ${affordable} affordable: stopping`);
          subscription.stop();
          return resolve();
        }
        for (const batch of splitIntoOrders(damaged, settings.maxPixelsPerOrder)) {
          const order = await createRememberedOrder(context, batch);
          if ((await payRememberedOrder(context, order)) === 'paid') spent += order.amountSat;
        }
        if (damaged.length > 0)
          print(`repaired ${damaged.length} pixels; ${spent} sat spent on repairs`);
      } catch (error) {
        subscription.stop();
        reject(error);
      } finally {
        repairing = false;
      }
    };
    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void repair(), REPAIR_DELAY_MS);
    };
    const subscription = client.subscribeChanges(
      {
        onChanges: (changes) => {
          let touched = false;
          for (const change of changes) {
            for (const [x, y, color] of change.pixels) {
              board.pixels[y * board.width + x] = color;
              touched ||= ours.has(positionKey(x, y));
            }
          }
          if (touched) schedule();
        },
        onReload: () => {
          void client.board().then((fresh) => {
            board = fresh;
            schedule();
          });
        },
        onError: (error) => print(`change feed: ${error.message}`),
      },
      board.seq,
    );
    schedule(); // anything damaged between the drawing and now
  });
}
