/** Counts what a drawing has done and prints one line per step with an estimate of time left. */
export class DrawProgress {
  ordersDone = 0;
  pixelsDone = 0;
  satSpent = 0;
  private readonly startedAt = Date.now();

  constructor(
    private readonly totalOrders: number,
    private readonly totalPixels: number,
    private readonly print: (line: string) => void,
  ) {}

  /** Records one paid order and prints the progress line. */
  orderPaid(pixels: number, amountSat: number): void {
    this.ordersDone += 1;
    this.pixelsDone += pixels;
    this.satSpent += amountSat;
    const elapsedMs = Date.now() - this.startedAt;
    const left = this.totalPixels - this.pixelsDone;
    const etaSeconds =
      this.pixelsDone > 0 ? Math.round(((elapsedMs / this.pixelsDone) * left) / 1000) : 0;
    this.print(
      `orders ${this.ordersDone}/${this.totalOrders}  pixels ${this.pixelsDone}/${this.totalPixels}` +
        `  spent ${this.satSpent} sat  ~${etaSeconds}s left`,
    );
  }
}
