import type { FeedEntry } from '../../protocol/feed';
import { areaView } from '../_board/area-view';
import type { Session } from '../_session/session';

/** Moves the view to where an order painted. */
export function showArea(session: Session, area: NonNullable<FeedEntry['area']>): void {
  const { view } = session;
  view.set(areaView(area, view.screen, view.fitInsets));
}
