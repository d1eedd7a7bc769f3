/**
 * The q-quantile of a Prometheus histogram scraped from `GET /api/metrics`, as the upper bound
 * of the bucket it falls in (seconds), or null when the histogram has no samples.
 */
export async function histogramQuantile(
  url: string,
  name: string,
  q: number,
): Promise<number | null> {
  const text = await (await fetch(`${url}/api/metrics`)).text();
  const buckets: Array<[number, number]> = [];
  for (const line of text.split('\n')) {
    const match = new RegExp(`^${name}_bucket\\{le="([^"]+)"\\} (\\d+)`).exec(line);
    if (match) buckets.push([match[1] === '+Inf' ? Infinity : Number(match[1]), Number(match[2])]);
  }
  const total = buckets.at(-1)?.[1] ?? 0;
  if (total === 0) return null;
  return buckets.find(([, count]) => count >= q * total)![0];
}

/** The mean of a Prometheus histogram (its _sum over its _count, seconds), or null when empty. */
export async function histogramMean(url: string, name: string): Promise<number | null> {
  const text = await (await fetch(`${url}/api/metrics`)).text();
  const read = (suffix: string) =>
    Number(new RegExp(`^${name}_${suffix} (\\S+)`, 'm').exec(text)?.[1] ?? NaN);
  const count = read('count');
  return count > 0 ? read('sum') / count : null;
}
