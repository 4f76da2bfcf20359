import type { z } from 'zod';
import { exportRequest } from '../../../shared/schemas/club';

export type PrintRequest = z.input<typeof exportRequest>;

/**
 * A club printout's route carries what to print (the view, purpose, one per
 * household, …) in its `q` parameter, so the print page can be opened, reloaded
 * and printed on its own: #/print/club/<kind>?q=<encoded request>.
 */
export function printRoute(kind: 'list' | 'labels-3x8' | 'labels-2x7' | 'birthdays', request: PrintRequest): string {
  return `/print/club/${kind}?q=${encodeURIComponent(JSON.stringify(request))}`;
}

/** The request of a print route's `q` parameter; undefined when it is missing or not a valid request. */
export function readPrintRequest(q: string | null): z.output<typeof exportRequest> | undefined {
  if (!q) return undefined;
  try {
    const parsed = exportRequest.safeParse(JSON.parse(q));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
