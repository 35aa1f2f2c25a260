/** What the loading controller hands the view: the data on screen, the error, and where loading stands. */
import type { Loaded } from './api/client.js';
import type { SkippedCredit } from './credit.js';
import type { ErrorDetail } from './errors.js';

/** Data on screen, and the configuration it was loaded for. */
export interface Shown extends Loaded {
  key: readonly unknown[];
  at: Date;
  /** Every page has arrived (a first load renders page by page). */
  complete: boolean;
}

/** What the element shows. */
export interface CreditsState {
  /** `idle`: nothing in flight and nothing owed (a load interrupted by removing the element). */
  status: 'loading' | 'complete' | 'error' | 'idle';
  /** Data for the current configuration: the last good data, after a failed refresh. */
  shown?: Shown;
  error?: ErrorDetail;
  /** The records of `shown` that could not be read. */
  skipped: SkippedCredit[];
  /** The last load replaced data already on screen (screen readers hear the new totals). */
  refreshed: boolean;
}
