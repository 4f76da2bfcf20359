import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';

/** Every row of a paged table has this height, so the scrollbar knows the whole list's length up front. */
export const ROW_HEIGHT = 45;

/**
 * A virtualised table over a paged operation: only the rows in view (plus a
 * few) are in the DOM, and only their pages are fetched, so 50,000 rows scroll
 * as smoothly as 50. The first page comes from the caller, which keeps it (and
 * the total) on screen while a new filter loads; a new filter or order
 * (`resetKey`) starts at the top.
 */
export function usePagedRows<T>({
  first,
  pageSize,
  usePages,
  resetKey,
}: {
  first: { items: T[]; total: number };
  pageSize: number;
  /** Fetches the pages with these numbers (a hook: called once per render). */
  usePages: (pageNumbers: number[]) => Array<{ data?: { items: T[] } }>;
  resetKey: unknown;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: first.total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 5,
  });
  const rows = virtualizer.getVirtualItems();
  const firstPage = Math.max(1, Math.floor((rows[0]?.index ?? 0) / pageSize));
  const lastPage = Math.floor((rows.at(-1)?.index ?? 0) / pageSize);
  const pages = usePages(Array.from({ length: Math.max(0, lastPage - firstPage + 1) }, (_, index) => firstPage + index));
  const itemAt = (index: number): T | undefined =>
    index < pageSize ? first.items[index] : pages[Math.floor(index / pageSize) - firstPage]?.data?.items[index % pageSize];

  useEffect(() => virtualizer.scrollToOffset(0), [resetKey, virtualizer]);

  /** An empty row standing in for the rows above or below the ones rendered. */
  const spacer = (where: 'top' | 'bottom', columnCount: number) => {
    const height = where === 'top' ? (rows[0]?.start ?? 0) : virtualizer.getTotalSize() - (rows.at(-1)?.end ?? 0);
    return (
      height > 0 && (
        <tr aria-hidden>
          <td colSpan={columnCount} style={{ height, padding: 0, border: 0 }} />
        </tr>
      )
    );
  };

  return { scrollRef, rows, itemAt, spacer };
}
