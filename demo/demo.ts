import '../src/index.js';
import type { CreditBalanceEvents } from '../src/frameworks/types.js';
import type { CreditBalance } from '../src/index.js';

const widgets = () => [...document.querySelectorAll<CreditBalance>('credit-balance')];
const controls = document.querySelector<HTMLFormElement>('#controls')!;

controls.addEventListener('change', () => {
  const data = new FormData(controls);
  const locale = String(data.get('locale'));
  document.documentElement.dir = locale.startsWith('ar') ? 'rtl' : 'ltr';
  for (const widget of widgets()) {
    widget.locale = locale;
    widget.timeZone = String(data.get('timeZone'));
  }
});

document.querySelector('#refresh')!.addEventListener('click', () => {
  for (const widget of widgets()) void widget.refresh();
});

// Every event bubbles out of the shadow root: one listener on the document hears all widgets.
const log = document.querySelector('#events')!;
const describe: { [K in keyof CreditBalanceEvents]: (event: CreditBalanceEvents[K]) => string } = {
  'credit-balance-load': ({ detail }) =>
    `${detail.credits.length} credits, ${detail.totals.length} totals` +
    detail.skipped.map((s) => `; skipped ${s.id ?? 'a record'}: ${s.message}`).join(''),
  'credit-balance-error': ({ detail }) => `${detail.code}: ${detail.message}`,
  'credit-balance-expiring': ({ detail }) => `${detail.credits.length} expiring`,
  'credit-balance-low': ({ detail }) => `${detail.totals.length} low totals`,
};
for (const type of Object.keys(describe) as (keyof CreditBalanceEvents)[]) {
  document.addEventListener(type, (event) => {
    const customer = (event.target as CreditBalance).customerId?.slice(0, 8) ?? '';
    const item = document.createElement('li');
    item.textContent = `${new Date().toLocaleTimeString()} ${type} (customer ${customer}…): ${describe[type](event as never)}`;
    log.prepend(item);
  });
}
