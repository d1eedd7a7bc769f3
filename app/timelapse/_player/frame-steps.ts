/**
 * The planned frame each animation frame starts at. The animation shows planned frame i
 * from `i * frameMs` on its timeline, and a frame that changed nothing is merged into the one
 * before (its duration grows by `frameMs`), so the starts follow from the durations. The last
 * frame's duration is a hold at the end and says nothing.
 */
export function frameStartSteps(durationsMs: number[], frameMs: number): number[] {
  const starts: number[] = [];
  let elapsed = 0;
  for (const duration of durationsMs) {
    starts.push(Math.round(elapsed / frameMs));
    elapsed += duration;
  }
  return starts;
}

/** The animation frame on screen at planned frame `step` (starts are increasing, from 0). */
export function frameAtStep(starts: number[], step: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (starts[middle] <= step) low = middle;
    else high = middle - 1;
  }
  return low;
}
