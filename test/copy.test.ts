// The words a paying customer reads, pinned per language through the rendered widget: each string a billing
// localizer reviewed (register, billing terms, typography such as French narrow no-break spaces and Japanese
// full-width punctuation), with plurals, lists and the pending label from the catalogue.
import type Metronome from '@metronome/sdk';
import { expect } from '@open-wc/testing';
import type { CreditBalance } from '../src/credit-balance.js';
import { Translator, loadCatalogue } from '../src/lib/view/messages.js';
import { plansGrants } from '../demo/mock/fixtures.js';
import type { Fault } from '../demo/mock/metronome.js';
import { TEST_NOW } from './clock.js';
import { injectFaults, mount, scenario } from './helpers.js';

const DAY = 86_400_000;
const NNBSP = '\u202f';

/**
 * Everything a person reads or hears: the shadow root's text and its spoken labels. Spaces are folded and the
 * no-break space Intl puts beside currency symbols reads as a space, but a narrow no-break space stays as typed.
 */
const heard = (el: CreditBalance) => {
  const root = el.shadowRoot!;
  const labels = [...root.querySelectorAll('[aria-valuetext]')].map((node) => node.getAttribute('aria-valuetext'));
  return `${root.textContent} ${labels.join(' ')}`.replace(/[\u2066-\u2069]/g, '').replace(/[ \t\n\r\u00a0]+/g, ' ');
};

const widget = async (customerId: string, locale: string, attributes: Record<string, string> = {}) =>
  (await mount({ 'customer-id': customerId, locale, ...attributes })).el;

/** A contract credit whose history has every ledger type the review touched, and a period ending mid-afternoon. */
function reviewedCredit(): Metronome.Credit {
  const midnight = Math.floor(TEST_NOW.getTime() / DAY) * DAY;
  const start = new Date(midnight - 10 * DAY).toISOString();
  const entry = (type: 'CREDIT_AUTOMATED_INVOICE_DEDUCTION' | 'CREDIT_CREDITED', amount: number) =>
    ({ type, amount, segment_id: 's', invoice_id: 'inv', timestamp: start }) as const;
  return {
    id: 'reviewed',
    type: 'CREDIT',
    product: { id: 'p', name: 'Platform' },
    name: 'Reviewed credit',
    balance: 10_000,
    access_schedule: {
      credit_type: { id: '2714e483-4ff1-48e4-9e25-ac732e8f24f2', name: 'USD (cents)' },
      schedule_items: [
        { id: 's', amount: 20_000, starting_at: start, ending_before: new Date(midnight + 100 * DAY + 15 * 3_600_000).toISOString() },
      ],
    },
    ledger: [
      { type: 'CREDIT_SEGMENT_START', amount: 20_000, segment_id: 's', timestamp: start },
      entry('CREDIT_AUTOMATED_INVOICE_DEDUCTION', -12_000),
      entry('CREDIT_CREDITED', 2_000),
      { type: 'CREDIT_SEAT_BASED_ADJUSTMENT', amount: 0, segment_id: 's', timestamp: start },
    ],
  };
}

const errorFaults: Record<string, Fault[]> = {
  token: [{ route: 'token', status: 403 }],
  auth: [{ route: 'credits', status: 401, times: 5 }],
  network: [{ route: 'credits', drop: true, times: 3 }],
  http: [{ route: 'credits', status: 404 }],
  'invalid-response': [{ route: 'credits', status: 200, body: '<html>Maintenance</html>' }],
};

interface Review {
  locale: string;
  /** What the grants widget (with history) must read. */
  grants: string[];
  /** What the credits widget must read: loaded, after a failed refresh (stale), and after a good one (announced). */
  credits: string[];
  stale: string;
  updated: string;
  /** The customer-facing message of each error code the review changed. */
  errors: Partial<Record<keyof typeof errorFaults, string>>;
  /** A catalogue message no widget here can show in a test's time (a 60 s timeout). */
  timeout?: string;
}

const reviews: Review[] = [
  {
    locale: 'en-US',
    grants: [
      '$115.00 left of $200.00 granted',
      ', with pending charges deducted.',
      '$180.00 available',
      'Deduction (pending)',
      'Applies to GPU compute and Batch jobs',
      'Schedule · 1 period',
    ],
    credits: ['Credited back', 'Schedule · 1 period'],
    stale: 'Showing balances as of',
    updated: 'Credits updated: $100.00 available.',
    errors: { auth: 'Your session has expired, or you don’t have access to these credits. Sign in again, then try again.' },
  },
  {
    locale: 'de-DE',
    grants: [
      '115,00 $ von 200,00 $ übrig',
      ', abzüglich ausstehender Belastungen.',
      '150,00 $ vor Abzug ausstehender Belastungen',
      'Abbuchung (ausstehend)',
      'Gilt für GPU compute und Batch jobs',
    ],
    credits: ['Wieder gutgeschrieben', 'Anpassung wegen geänderter Lizenzanzahl', '– vor dem '],
    stale: 'Aktualisierung fehlgeschlagen. Angezeigt wird der Stand vom ',
    updated: 'Guthaben aktualisiert: 100,00 $ verfügbar.',
    errors: {
      auth: 'Ihre Sitzung ist abgelaufen, oder Sie sind nicht berechtigt, dieses Guthaben einzusehen.',
      token: 'Ihre Sitzung konnte nicht überprüft werden.',
    },
  },
  {
    locale: 'fr-FR',
    grants: [
      '180,00 $US disponibles',
      'après déduction des débits en attente.',
      '150,00 $US avant déduction des débits en attente',
      'Débit (en attente)',
      'S’applique à GPU compute et Batch jobs',
      `Expire avant la fin de la période de facturation${NNBSP}: `,
    ],
    credits: ['Imputé sur une facture', '– avant le ', `Reviewed credit${NNBSP}: il reste`, 'restants sur'],
    stale: `${NNBSP}: la dernière actualisation a échoué.`,
    updated: `Crédits mis à jour${NNBSP}: 100,00 $US disponibles.`,
    errors: { auth: 'Votre session a expiré ou vous n’avez pas accès à ces crédits.' },
  },
  {
    locale: 'es-ES',
    grants: [
      '180,00 US$ disponibles',
      'una vez descontados los cargos pendientes.',
      '150,00 US$ antes de descontar los cargos pendientes',
      'Cargo (pendiente)',
      'Se aplica a GPU compute y Batch jobs',
    ],
    credits: ['Aplicado a una factura', 'Devuelto al saldo', 'Su próximo consumo se descontará primero de este crédito.'],
    stale: 'Saldos a ',
    updated: 'Créditos actualizados: 100,00 US$ disponibles.',
    errors: {
      token: 'No se pudo verificar su sesión. Vuelva a cargar la página o inicie sesión de nuevo e inténtelo otra vez.',
      auth: 'Su sesión ha caducado o no tiene acceso a estos créditos. Inicie sesión de nuevo e inténtelo otra vez.',
      network: 'Compruebe su conexión e inténtelo de nuevo.',
      http: '(HTTP 404). Inténtelo de nuevo en un momento.',
      'invalid-response': 'Inténtelo de nuevo más tarde.',
    },
    timeout: 'Inténtelo de nuevo en un momento.',
  },
  {
    locale: 'ja-JP',
    grants: [
      '$115.00 / 付与額 $200.00',
      '請求期間終了時（',
      '）の残高です（保留中の請求を差し引いた後）。',
      '保留中の請求を差し引く前：$150.00',
      '差し引き（保留中）',
      '対象：GPU compute、Batch jobs',
      '履歴（',
    ],
    credits: ['請求書に充当', 'クレジット返還', 'の直前まで', '～', 'Reviewed credit：$200.00 のうち残り $100.00'],
    stale: ' 時点の残高を表示しています。直近の更新に失敗しました。',
    updated: 'クレジットを更新しました：$100.00 利用可能。',
    errors: { http: '請求サービスがエラーを返しました（HTTP 404）。' },
  },
];

describe('copy a native billing customer would sign off', () => {
  let grantsCustomer: string;
  before(async () => {
    const grants = plansGrants(TEST_NOW, 'x');
    const pack = grants.find((g) => g.name === 'Compute pack')!;
    pack.products = [...(pack.products ?? []), { id: 'batch', name: 'Batch jobs' }];
    grantsCustomer = await scenario({ grants });
  });

  for (const review of reviews) {
    describe(review.locale, () => {
      it('grants: balances, pending charges, history and products read as reviewed', async () => {
        const text = heard(await widget(grantsCustomer, review.locale, { source: 'grants', 'include-ledgers': '' }));
        for (const expected of review.grants) expect(text).to.include(expected);
      });

      it('credits: history, ranges and labels read as reviewed, then the stale and updated lines', async () => {
        const id = await scenario({ credits: [reviewedCredit()] });
        const el = await widget(id, review.locale, { 'include-ledgers': '' });
        const loaded = heard(el);
        for (const expected of review.credits) expect(loaded).to.include(expected);

        await injectFaults(id, [{ route: 'credits', status: 403 }]);
        await el.refresh();
        expect(heard(el)).to.include(review.stale);
        await el.refresh();
        expect(heard(el)).to.include(review.updated);
      });

      for (const [code, expected] of Object.entries(review.errors)) {
        it(`the ${code} error reads as reviewed`, async function () {
          this.timeout(10_000);
          const id = await scenario({ credits: [reviewedCredit()], faults: errorFaults[code] });
          expect(heard(await widget(id, review.locale))).to.include(expected);
        });
      }

      if (review.timeout) {
        it('the timeout message reads as reviewed', async () => {
          await loadCatalogue(review.locale);
          expect(new Translator(review.locale).t('error.timeout')).to.include(review.timeout);
        });
      }
    });
  }
});
