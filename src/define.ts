import { CreditBalance } from './credit-balance.js';

CreditBalance.define();

declare global {
  interface HTMLElementTagNameMap {
    'credit-balance': CreditBalance;
  }
}
