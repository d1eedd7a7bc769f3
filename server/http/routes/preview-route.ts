import { previewQuerySchema } from '../../../protocol/http-schemas';
import type { Board } from '../../canvas/board';
import { previewRegion, renderPreviewPng, type BoardRegion } from '../../canvas/render-preview-png';
import { parseInput } from '../../validation';
import type { Router } from '../router';

/** Renders kept, one per region, each for the seq it was drawn at. */
const CACHED_PREVIEWS = 128;
/** Chat apps fetch a link's preview once; a minute old is fresh enough. */
const PREVIEW_MAX_AGE_SECONDS = 60;

export interface PreviewRouteDeps {
  board: Board;
  palette: readonly string[];
}

/**
 * `GET /api/preview.png`: a region of the board now as a social preview image (the page's
 * og:image). Takes the view URL's own parameters (`?x=&y=&zoom=`) or a region
 * (`?x=&y=&w=&h=`); rendered once per region and seq.
 */
export function addPreviewRoute(router: Router, deps: PreviewRouteDeps): void {
  const cache = new Map<string, { seq: number; png: Promise<Buffer> }>();

  const previewOf = (region: BoardRegion) => {
    const { board } = deps;
    const key = `${region.x},${region.y},${region.width},${region.height}`;
    const cached = cache.get(key);
    if (cached && cached.seq === board.seq) return cached;
    const entry = { seq: board.seq, png: renderPreviewPng(board, deps.palette, region) };
    cache.delete(key);
    cache.set(key, entry);
    if (cache.size > CACHED_PREVIEWS) cache.delete(cache.keys().next().value!);
    entry.png.catch(() => cache.delete(key));
    return entry;
  };

  router.add('GET', '/api/preview.png', async (req, res, _params, url) => {
    const query = parseInput(previewQuerySchema, Object.fromEntries(url.searchParams));
    const region = previewRegion(query, deps.board);
    const { seq, png } = previewOf(region);
    const body = await png;
    res.writeHead(200, {
      'Content-Type': 'image/png',
      'Content-Length': body.length,
      'Cache-Control': `public, max-age=${PREVIEW_MAX_AGE_SECONDS}`,
      'X-Canvas-Seq': String(seq),
      'X-Preview-Region': `${region.x},${region.y},${region.width},${region.height}`,
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
}
