import type { WidgetOptions } from '../../src/lib/config.js';

/** The element's options at their defaults, with a token URL: what the configuration and load-plan tests vary. */
export const defaultOptions: WidgetOptions = {
  tokenUrl: '/api/credit-balance/token',
  tokenCredentials: 'same-origin',
  source: 'credits',
  scope: 'all',
  includeArchived: false,
  includeLedgers: false,
  forecast: false,
  chart: false,
  topUp: false,
  excludeZeroBalances: false,
  expiringSoonDays: 30,
  headingLevel: 2,
};
