/** The package's entry: registers the element and exports the class, the events and the public types. */
import './define.js';

export { CreditBalance } from './credit-balance.js';
export * from './events.js';
export { CreditBalanceError, type ErrorCode } from './lib/errors.js';
export type { LedgerEntry, NormalizedCredit, Segment, SourceName, Total } from './lib/credit.js';
export type { CreditType } from './lib/credit.js';
export type { MessageKey, Messages } from './lib/view/messages/en.js';
export type { TokenResponse } from './lib/api/token.js';
