/**
 * Every string the widget shows, in one catalogue per language. Placeholders are `{name}`; a message that
 * depends on a number is an object of plural forms chosen by `Intl.PluralRules` from `{count}`. A host
 * overrides any key through the `strings` property. Values from the API are inserted as text, never HTML.
 */
export type PluralMessage = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export type Message = string | PluralMessage;

export const en = {
  title: 'Credits',
  loading: 'Loading credits…',
  empty: 'There are no credits on this account.',
  retry: 'Try again',
  'error.token': 'Your session could not be verified. Reload the page or sign in again, then try again.',
  'error.auth': 'Your session has expired, or you don’t have access to these credits. Sign in again, then try again.',
  'error.network': 'The billing service could not be reached. Check your connection, then try again.',
  'error.timeout': 'The billing service took too long to answer. Try again in a moment.',
  'error.http': 'The billing service answered with an error (HTTP {status}). Try again in a moment.',
  'error.invalid-response': 'The billing service sent data this page cannot read. Try again later.',
  'error.config': 'Credits cannot be shown here at the moment.',
  'error.unexpected': 'Something went wrong while showing your credits. Try again later.',
  stale: 'Showing balances as of {time}: the latest refresh failed.',
  updated: 'Credits updated: {totals}.',
  unnamed: 'Credit',
  available: { one: 'available', other: 'available' },
  ofGranted: 'left of {amount} granted',
  grantedInTotal: '{amount} granted in total, across every period',
  meterLabel: '{name}: {balance} of {max} remaining',
  scheduledLater: '+{amount} scheduled later',
  'status.active': 'Active',
  'status.upcoming': 'Upcoming',
  'status.expired': 'Expired',
  expires: 'Expires {relative}',
  starts: 'Starts {relative}',
  expiringSoon: 'Expiring soon',
  lowBalance: 'Low balance',
  usedNext: 'Used next',
  usedNextHint: 'Your next usage draws from this credit first.',
  drawOrder: 'Used after {name}',
  rangeInstants: '{start} – before {end}',
  schedule: 'Schedule',
  periods: { one: '{count} period', other: '{count} periods' },
  timeline: 'Timeline',
  now: 'Now',
  balanceAsOf: 'Balances as of the end of the billing period ({date}), with pending charges deducted.',
  pendingBalance: '{amount} before pending charges',
  paid: 'Paid {amount}',
  appliesTo: 'Applies to {products}',
  history: { one: 'History ({count} entry)', other: 'History ({count} entries)' },
  pending: '{label} (pending)',
  period: 'Period {range}',
  'ledger.CREDIT_SEGMENT_START': 'Credit available',
  'ledger.CREDIT_AUTOMATED_INVOICE_DEDUCTION': 'Used on an invoice',
  'ledger.CREDIT_EXPIRATION': 'Expired unused',
  'ledger.CREDIT_CANCELED': 'Canceled',
  'ledger.CREDIT_CREDITED': 'Credited back',
  'ledger.CREDIT_MANUAL': 'Manual adjustment',
  'ledger.CREDIT_SEAT_BASED_ADJUSTMENT': 'Seat change adjustment',
  'ledger.CREDIT_ROLLOVER': 'Rolled over to a new contract',
  'ledger.GRANT_DEDUCTION': 'Deduction',
  'ledger.other': 'Balance change',
  skipped: { one: '{count} credit could not be shown.', other: '{count} credits could not be shown.' },
  balanceUnavailable: 'Balance unavailable',
  expiresInPeriod: 'Expires before the end of the billing period: this is what is left to use until then.',
  invoice: 'View invoice',
} satisfies Record<string, Message>;

export type MessageKey = keyof typeof en;
export type Catalogue = Record<MessageKey, Message>;
/** The `strings` property: any subset of keys, each a string or plural forms. */
export type Messages = Partial<Record<MessageKey, Message>>;

export const de: Catalogue = {
  title: 'Guthaben',
  loading: 'Guthaben werden geladen…',
  empty: 'Für dieses Konto gibt es kein Guthaben.',
  retry: 'Erneut versuchen',
  'error.token': 'Ihre Sitzung konnte nicht überprüft werden. Laden Sie die Seite neu oder melden Sie sich erneut an und versuchen Sie es noch einmal.',
  'error.auth': 'Ihre Sitzung ist abgelaufen, oder Sie sind nicht berechtigt, dieses Guthaben einzusehen. Melden Sie sich erneut an und versuchen Sie es noch einmal.',
  'error.network': 'Der Abrechnungsdienst ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es noch einmal.',
  'error.timeout': 'Der Abrechnungsdienst hat zu lange nicht geantwortet. Versuchen Sie es gleich noch einmal.',
  'error.http': 'Der Abrechnungsdienst hat mit einem Fehler geantwortet (HTTP {status}). Versuchen Sie es gleich noch einmal.',
  'error.invalid-response': 'Der Abrechnungsdienst hat Daten gesendet, die diese Seite nicht lesen kann. Versuchen Sie es später noch einmal.',
  'error.config': 'Guthaben können hier derzeit nicht angezeigt werden.',
  'error.unexpected': 'Beim Anzeigen Ihres Guthabens ist ein Fehler aufgetreten. Versuchen Sie es später noch einmal.',
  stale: 'Aktualisierung fehlgeschlagen. Angezeigt wird der Stand vom {time}.',
  updated: 'Guthaben aktualisiert: {totals}.',
  unnamed: 'Guthaben',
  available: { one: 'verfügbar', other: 'verfügbar' },
  ofGranted: 'von {amount} übrig',
  grantedInTotal: 'Insgesamt {amount} gewährt, über alle Zeiträume',
  meterLabel: '{name}: {balance} von {max} übrig',
  scheduledLater: '+{amount} später geplant',
  'status.active': 'Aktiv',
  'status.upcoming': 'Geplant',
  'status.expired': 'Abgelaufen',
  expires: 'Läuft {relative} ab',
  starts: 'Beginnt {relative}',
  expiringSoon: 'Läuft bald ab',
  lowBalance: 'Niedriges Guthaben',
  usedNext: 'Wird als Nächstes genutzt',
  usedNextHint: 'Ihre nächste Nutzung wird zuerst mit diesem Guthaben verrechnet.',
  drawOrder: 'Wird nach {name} genutzt',
  rangeInstants: '{start} – vor dem {end}',
  schedule: 'Zeitplan',
  periods: { one: '{count} Zeitraum', other: '{count} Zeiträume' },
  timeline: 'Zeitleiste',
  now: 'Jetzt',
  balanceAsOf: 'Stand am Ende des Abrechnungszeitraums ({date}), abzüglich ausstehender Belastungen.',
  pendingBalance: '{amount} vor Abzug ausstehender Belastungen',
  paid: '{amount} bezahlt',
  appliesTo: 'Gilt für {products}',
  history: { one: 'Verlauf ({count} Eintrag)', other: 'Verlauf ({count} Einträge)' },
  pending: '{label} (ausstehend)',
  period: 'Zeitraum {range}',
  'ledger.CREDIT_SEGMENT_START': 'Guthaben verfügbar',
  'ledger.CREDIT_AUTOMATED_INVOICE_DEDUCTION': 'Mit einer Rechnung verrechnet',
  'ledger.CREDIT_EXPIRATION': 'Ungenutzt verfallen',
  'ledger.CREDIT_CANCELED': 'Storniert',
  'ledger.CREDIT_CREDITED': 'Wieder gutgeschrieben',
  'ledger.CREDIT_MANUAL': 'Manuelle Anpassung',
  'ledger.CREDIT_SEAT_BASED_ADJUSTMENT': 'Anpassung wegen geänderter Lizenzanzahl',
  'ledger.CREDIT_ROLLOVER': 'In einen neuen Vertrag übertragen',
  'ledger.GRANT_DEDUCTION': 'Abbuchung',
  'ledger.other': 'Änderung des Guthabens',
  skipped: { one: '{count} Guthaben konnte nicht angezeigt werden.', other: '{count} Guthaben konnten nicht angezeigt werden.' },
  balanceUnavailable: 'Saldo nicht verfügbar',
  expiresInPeriod: 'Läuft vor dem Ende des Abrechnungszeitraums ab: So viel können Sie bis dahin noch nutzen.',
  invoice: 'Rechnung ansehen',
};

export const fr: Catalogue = {
  title: 'Crédits',
  loading: 'Chargement des crédits…',
  empty: 'Ce compte n’a aucun crédit.',
  retry: 'Réessayer',
  'error.token': 'Votre session n’a pas pu être vérifiée. Rechargez la page ou reconnectez-vous, puis réessayez.',
  'error.auth': 'Votre session a expiré ou vous n’avez pas accès à ces crédits. Reconnectez-vous, puis réessayez.',
  'error.network': 'Le service de facturation est injoignable. Vérifiez votre connexion, puis réessayez.',
  'error.timeout': 'Le service de facturation a mis trop de temps à répondre. Réessayez dans un instant.',
  'error.http': 'Le service de facturation a répondu par une erreur (HTTP {status}). Réessayez dans un instant.',
  'error.invalid-response': 'Le service de facturation a envoyé des données illisibles pour cette page. Réessayez plus tard.',
  'error.config': 'Les crédits ne peuvent pas être affichés ici pour le moment.',
  'error.unexpected': 'Une erreur est survenue lors de l’affichage de vos crédits. Réessayez plus tard.',
  stale: 'Soldes au {time} : la dernière actualisation a échoué.',
  updated: 'Crédits mis à jour : {totals}.',
  unnamed: 'Crédit',
  available: { one: 'disponible', other: 'disponibles' },
  ofGranted: 'restants sur {amount} accordés',
  grantedInTotal: '{amount} accordés au total, toutes périodes confondues',
  meterLabel: '{name} : il reste {balance} sur {max}',
  scheduledLater: '+{amount} prévus plus tard',
  'status.active': 'Actif',
  'status.upcoming': 'À venir',
  'status.expired': 'Expiré',
  expires: 'Expire {relative}',
  starts: 'Commence {relative}',
  expiringSoon: 'Expire bientôt',
  lowBalance: 'Solde faible',
  usedNext: 'Utilisé en premier',
  usedNextHint: 'Votre prochaine consommation sera d’abord imputée sur ce crédit.',
  drawOrder: 'Utilisé après {name}',
  rangeInstants: '{start} – avant le {end}',
  schedule: 'Calendrier',
  periods: { one: '{count} période', other: '{count} périodes' },
  timeline: 'Chronologie',
  now: 'Aujourd’hui',
  balanceAsOf: 'Soldes à la fin de la période de facturation ({date}), après déduction des débits en attente.',
  pendingBalance: '{amount} avant déduction des débits en attente',
  paid: 'Payé {amount}',
  appliesTo: 'S’applique à {products}',
  history: { one: 'Historique ({count} opération)', other: 'Historique ({count} opérations)' },
  pending: '{label} (en attente)',
  period: 'Période {range}',
  'ledger.CREDIT_SEGMENT_START': 'Crédit disponible',
  'ledger.CREDIT_AUTOMATED_INVOICE_DEDUCTION': 'Imputé sur une facture',
  'ledger.CREDIT_EXPIRATION': 'Expiré sans être utilisé',
  'ledger.CREDIT_CANCELED': 'Annulé',
  'ledger.CREDIT_CREDITED': 'Recrédité',
  'ledger.CREDIT_MANUAL': 'Ajustement manuel',
  'ledger.CREDIT_SEAT_BASED_ADJUSTMENT': 'Ajustement après changement de licences',
  'ledger.CREDIT_ROLLOVER': 'Reporté sur un nouveau contrat',
  'ledger.GRANT_DEDUCTION': 'Débit',
  'ledger.other': 'Variation du solde',
  skipped: { one: '{count} crédit n’a pas pu être affiché.', other: '{count} crédits n’ont pas pu être affichés.' },
  balanceUnavailable: 'Solde indisponible',
  expiresInPeriod: 'Expire avant la fin de la période de facturation : voici ce qu’il vous reste à utiliser d’ici là.',
  invoice: 'Voir la facture',
};

export const es: Catalogue = {
  title: 'Créditos',
  loading: 'Cargando créditos…',
  empty: 'Esta cuenta no tiene créditos.',
  retry: 'Reintentar',
  'error.token': 'No se pudo verificar su sesión. Vuelva a cargar la página o inicie sesión de nuevo e inténtelo otra vez.',
  'error.auth': 'Su sesión ha caducado o no tiene acceso a estos créditos. Inicie sesión de nuevo e inténtelo otra vez.',
  'error.network': 'No se pudo contactar con el servicio de facturación. Compruebe su conexión e inténtelo de nuevo.',
  'error.timeout': 'El servicio de facturación tardó demasiado en responder. Inténtelo de nuevo en un momento.',
  'error.http': 'El servicio de facturación respondió con un error (HTTP {status}). Inténtelo de nuevo en un momento.',
  'error.invalid-response': 'El servicio de facturación envió datos que esta página no puede leer. Inténtelo de nuevo más tarde.',
  'error.config': 'Los créditos no se pueden mostrar aquí en este momento.',
  'error.unexpected': 'Se ha producido un error al mostrar sus créditos. Inténtelo de nuevo más tarde.',
  stale: 'Saldos a {time}: la última actualización falló.',
  updated: 'Créditos actualizados: {totals}.',
  unnamed: 'Crédito',
  available: { one: 'disponible', other: 'disponibles' },
  ofGranted: 'restantes de {amount} concedidos',
  grantedInTotal: '{amount} concedidos en total, en todos los periodos',
  meterLabel: '{name}: quedan {balance} de {max}',
  scheduledLater: '+{amount} programados más adelante',
  'status.active': 'Activo',
  'status.upcoming': 'Próximo',
  'status.expired': 'Caducado',
  expires: 'Caduca {relative}',
  starts: 'Empieza {relative}',
  expiringSoon: 'Caduca pronto',
  lowBalance: 'Saldo bajo',
  usedNext: 'Se usa primero',
  usedNextHint: 'Su próximo consumo se descontará primero de este crédito.',
  drawOrder: 'Se usa después de {name}',
  rangeInstants: '{start} – antes del {end}',
  schedule: 'Calendario',
  periods: { one: '{count} periodo', other: '{count} periodos' },
  timeline: 'Cronología',
  now: 'Hoy',
  balanceAsOf: 'Saldos al final del periodo de facturación ({date}), una vez descontados los cargos pendientes.',
  pendingBalance: '{amount} antes de descontar los cargos pendientes',
  paid: 'Pagado {amount}',
  appliesTo: 'Se aplica a {products}',
  history: { one: 'Historial ({count} movimiento)', other: 'Historial ({count} movimientos)' },
  pending: '{label} (pendiente)',
  period: 'Periodo {range}',
  'ledger.CREDIT_SEGMENT_START': 'Crédito disponible',
  'ledger.CREDIT_AUTOMATED_INVOICE_DEDUCTION': 'Aplicado a una factura',
  'ledger.CREDIT_EXPIRATION': 'Caducado sin usar',
  'ledger.CREDIT_CANCELED': 'Cancelado',
  'ledger.CREDIT_CREDITED': 'Devuelto al saldo',
  'ledger.CREDIT_MANUAL': 'Ajuste manual',
  'ledger.CREDIT_SEAT_BASED_ADJUSTMENT': 'Ajuste por cambio de licencias',
  'ledger.CREDIT_ROLLOVER': 'Traspasado a un nuevo contrato',
  'ledger.GRANT_DEDUCTION': 'Cargo',
  'ledger.other': 'Cambio de saldo',
  skipped: { one: 'No se ha podido mostrar {count} crédito.', other: 'No se han podido mostrar {count} créditos.' },
  balanceUnavailable: 'Saldo no disponible',
  expiresInPeriod: 'Vence antes de que termine el periodo de facturación: esto es lo que le queda por usar hasta entonces.',
  invoice: 'Ver factura',
};

export const ja: Catalogue = {
  title: 'クレジット',
  loading: 'クレジットを読み込んでいます…',
  empty: 'このアカウントにはクレジットがありません。',
  retry: '再試行',
  'error.token': 'セッションを確認できませんでした。ページを再読み込みするか、もう一度サインインしてから再試行してください。',
  'error.auth': 'セッションの有効期限が切れたか、このクレジットを表示する権限がありません。もう一度サインインしてから再試行してください。',
  'error.network': '請求サービスに接続できませんでした。接続を確認してから再試行してください。',
  'error.timeout': '請求サービスの応答に時間がかかりすぎました。しばらくしてから再試行してください。',
  'error.http': '請求サービスがエラーを返しました（HTTP {status}）。しばらくしてから再試行してください。',
  'error.invalid-response': '請求サービスから読み取れないデータが届きました。後でもう一度お試しください。',
  'error.config': '現在、ここにクレジットを表示できません。',
  'error.unexpected': 'クレジットの表示中にエラーが発生しました。後でもう一度お試しください。',
  stale: '{time} 時点の残高を表示しています。直近の更新に失敗しました。',
  updated: 'クレジットを更新しました：{totals}。',
  unnamed: 'クレジット',
  available: { other: '利用可能' },
  ofGranted: '/ 付与額 {amount}',
  grantedInTotal: '全期間の付与額合計 {amount}',
  meterLabel: '{name}：{max} のうち残り {balance}',
  scheduledLater: '今後 +{amount} 付与予定',
  'status.active': '有効',
  'status.upcoming': '予定',
  'status.expired': '期限切れ',
  expires: '{relative}に期限切れ',
  starts: '{relative}に開始',
  expiringSoon: 'まもなく期限切れ',
  lowBalance: '残高わずか',
  usedNext: '次に使用',
  usedNextHint: '次回のご利用分は、まずこのクレジットから差し引かれます。',
  drawOrder: '{name} の次に使用',
  rangeInstants: '{start}～{end} の直前まで',
  schedule: 'スケジュール',
  periods: { other: '{count} 期間' },
  timeline: 'タイムライン',
  now: '現在',
  balanceAsOf: '請求期間終了時（{date}）の残高です（保留中の請求を差し引いた後）。',
  pendingBalance: '保留中の請求を差し引く前：{amount}',
  paid: '支払額 {amount}',
  appliesTo: '対象：{products}',
  history: { other: '履歴（{count} 件）' },
  pending: '{label}（保留中）',
  period: '期間 {range}',
  'ledger.CREDIT_SEGMENT_START': 'クレジット付与',
  'ledger.CREDIT_AUTOMATED_INVOICE_DEDUCTION': '請求書に充当',
  'ledger.CREDIT_EXPIRATION': '未使用のまま失効',
  'ledger.CREDIT_CANCELED': '取り消し',
  'ledger.CREDIT_CREDITED': 'クレジット返還',
  'ledger.CREDIT_MANUAL': '手動調整',
  'ledger.CREDIT_SEAT_BASED_ADJUSTMENT': 'シート数変更による調整',
  'ledger.CREDIT_ROLLOVER': '新しい契約へ繰り越し',
  'ledger.GRANT_DEDUCTION': '差し引き',
  'ledger.other': '残高の変動',
  skipped: { other: '{count} 件のクレジットを表示できませんでした。' },
  balanceUnavailable: '残高を取得できません',
  expiresInPeriod: '請求期間の終了前に期限切れになります。期限までにご利用いただける残りの額です。',
  invoice: '請求書を表示',
};

/** The built-in catalogues, by language subtag. */
export const catalogues: Record<string, Catalogue> = { en, de, fr, es, ja };

/** The catalogue for a locale's language (`de-AT` → German), English when there is none. */
export const catalogueFor = (locale: string): Catalogue => catalogues[locale.split('-')[0]!.toLowerCase()] ?? en;

/** Fills `{name}` placeholders; unknown placeholders are left as they are. */
export const fill = (template: string, values: Record<string, string | number>): string =>
  template.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));

/** Messages in one locale, with a host's overrides on top (unknown keys and values of the wrong shape are ignored). */
export class Translator {
  readonly #catalogue: Catalogue;
  readonly #plurals: Intl.PluralRules;
  readonly #list: Intl.ListFormat;

  constructor(
    readonly locale: string,
    overrides?: Messages,
  ) {
    this.#plurals = new Intl.PluralRules(locale);
    this.#list = new Intl.ListFormat(locale, { type: 'conjunction' });
    const catalogue: Catalogue = { ...catalogueFor(locale) };
    for (const [key, value] of Object.entries(overrides ?? {})) {
      const valid = typeof value === 'string' || (!!value && typeof value === 'object' && typeof value.other === 'string');
      if (key in en && valid) catalogue[key as MessageKey] = value;
    }
    this.#catalogue = catalogue;
  }

  /** The message for `key`, its plural form chosen by `values.count`, placeholders filled. */
  t(key: MessageKey, values: Record<string, string | number> = {}): string {
    const message = this.#catalogue[key];
    if (typeof message === 'string') return fill(message, values);
    const form = typeof values.count === 'number' ? this.#plurals.select(values.count) : 'other';
    return fill(message[form] ?? message.other, values);
  }

  /** Items joined as the language does ("A, B, and C", "A, B und C", "A、B、C"). */
  list(items: readonly string[]): string {
    return this.#list.format(items);
  }

  /** Whether the catalogue has a message for `key` (ledger types added later have none). */
  has(key: string): key is MessageKey {
    return key in this.#catalogue;
  }
}
