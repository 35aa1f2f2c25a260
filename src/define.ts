/** The only module with a side effect: it registers `<credit-balance>` (once, however often it is loaded). */
import { CreditBalance } from './credit-balance.js';

CreditBalance.define();

declare global {
  interface HTMLElementTagNameMap {
    'credit-balance': CreditBalance;
  }
}
