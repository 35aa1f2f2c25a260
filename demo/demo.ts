import '../src/index.js';
import type { CreditBalanceEvents } from '../src/frameworks/types.js';
import type { CreditBalance } from '../src/index.js';
import type { Scenario } from './mock/metronome.js';

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

/**
 * "Error, then retry": a customer of this page view's own on the mock, whose first four list requests fail (the
 * companion's, for the first page it answers with the token, then every attempt the widget makes on its own), so
 * each load shows the error and its retry button, and the retry succeeds. A customer shared by every load would
 * have used its failures up, and the companion's cache would answer the next load at once.
 */
async function addFlakyWidget(): Promise<void> {
  const slot = document.querySelector<HTMLElement>('#flaky')!;
  const spec: Scenario = { base: slot.dataset.base!, faults: [{ route: 'credits', status: 503, times: 4 }] };
  const response = await fetch('/mock/__scenarios', { method: 'POST', body: JSON.stringify(spec) });
  const { id } = (await response.json()) as { id: string };
  const widget = document.createElement('credit-balance');
  widget.tokenUrl = '/api/credit-balance/token';
  widget.customerId = id;
  const data = new FormData(controls);
  widget.locale = String(data.get('locale'));
  widget.timeZone = String(data.get('timeZone'));
  slot.append(widget);
}
void addFlakyWidget();

// Every event bubbles out of the shadow root: one listener on the document hears all widgets.
const log = document.querySelector('#events')!;
const describe: { [K in keyof CreditBalanceEvents]: (event: CreditBalanceEvents[K]) => string } = {
  'credit-balance-load': ({ detail }) =>
    `${detail.credits.length} credits, ${detail.totals.length} totals` +
    detail.skipped.map((s) => `; skipped ${s.id ?? 'a record'}: ${s.message}`).join(''),
  'credit-balance-error': ({ detail }) => `${detail.code}: ${detail.message}`,
  'credit-balance-expiring': ({ detail }) => `${detail.credits.length} expiring`,
  'credit-balance-low': ({ detail }) => `${detail.totals.length} low totals`,
  'credit-balance-forecast': ({ detail }) =>
    detail.forecasts
      .map((f) =>
        f.basis === 'recent-use'
          ? `${f.creditType.name} runs out ${f.runsOutAt?.toISOString() ?? 'past the horizon'}`
          : `${f.creditType.name}: too little history`,
      )
      .join('; '),
};
for (const type of Object.keys(describe) as (keyof CreditBalanceEvents)[]) {
  document.addEventListener(type, (event) => {
    const customer = (event.target as CreditBalance).customerId?.slice(0, 8) ?? '';
    const item = document.createElement('li');
    item.textContent = `${new Date().toLocaleTimeString()} ${type} (customer ${customer}…): ${describe[type](event as never)}`;
    log.prepend(item);
  });
}
