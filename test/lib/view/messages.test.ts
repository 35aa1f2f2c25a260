import { expect } from '@open-wc/testing';
import { LANGUAGES, Translator, catalogueFor, loadCatalogue } from '../../../src/lib/view/messages.js';
import { enDetails } from '../../../src/lib/view/messages/en-details.js';
import { type Catalogue, type Message, en } from '../../../src/lib/view/messages/en.js';

/** English in full: every page's words and those that come with the details' chunk. */
const english: Catalogue = { ...en, ...enDetails };

const placeholders = (message: Message) =>
  [...new Set((typeof message === 'string' ? [message] : Object.values(message)).flatMap((m) => m!.match(/\{\w+\}/g) ?? []))].sort();

describe('message catalogue', () => {
  const catalogues: Record<string, Catalogue> = {};
  before(async () => {
    for (const language of LANGUAGES)
      catalogues[language] = { ...(language === 'en' && enDetails), ...(await loadCatalogue(language)) } as Catalogue;
  });

  it('ships English and four more languages, each fetched on its own', () => {
    expect(LANGUAGES).to.deep.equal(['en', 'de', 'fr', 'es', 'ja']);
  });

  for (const language of LANGUAGES) {
    describe(language, () => {
      let catalogue: Catalogue;
      before(() => {
        catalogue = catalogues[language]!;
      });

      it('has every key, and nothing else', () => {
        expect(Object.keys(catalogue).sort()).to.deep.equal(Object.keys(english).sort());
      });

      it('uses the same placeholders as English in every message', () => {
        for (const [key, message] of Object.entries(catalogue)) {
          expect(placeholders(message), key).to.deep.equal(placeholders(english[key as keyof Catalogue]));
        }
      });

      it('gives plural messages an "other" form, and only forms the language has', () => {
        const forms = new Set(new Intl.PluralRules(language).resolvedOptions().pluralCategories);
        for (const [key, message] of Object.entries(catalogue)) {
          expect(typeof message === 'string' || typeof message.other === 'string', key).to.equal(true);
          if (typeof message === 'object')
            for (const form of Object.keys(message)) expect(forms.has(form as Intl.LDMLPluralRule), `${key}.${form}`).to.equal(true);
        }
      });

      it('is not English, apart from what reads the same', () => {
        if (language === 'en') return;
        const same = Object.keys(english).filter(
          (key) => JSON.stringify(catalogue[key as keyof Catalogue]) === JSON.stringify(english[key as keyof Catalogue]),
        );
        expect(same.length, `untranslated: ${same.join(', ')}`).to.be.lessThan(3);
      });
    });
  }

  it('picks the catalogue by language subtag, English otherwise', async () => {
    expect(await loadCatalogue('de-AT')).to.deep.equal(catalogues.de);
    expect(catalogueFor('ja')).to.deep.equal(catalogues.ja);
    expect(catalogueFor('FR-ca')).to.deep.equal(catalogues.fr);
    expect(catalogueFor('ar-EG')).to.equal(en);
    expect(await loadCatalogue('ar-EG')).to.equal(en);
  });

  it('chooses plural forms with Intl.PluralRules', () => {
    const t = new Translator('en-US');
    expect(t.t('periods', { count: 1 })).to.equal('1 period');
    expect(t.t('periods', { count: 12 })).to.equal('12 periods');
    expect(new Translator('fr').t('periods', { count: 0 })).to.equal('0 période');
    expect(new Translator('ja').t('history', { count: 1 })).to.equal('履歴（1 件）');
  });

  it('has the English words of the history and the commits only with their chunk, a host’s overrides of them included', () => {
    const strings = { history: { one: 'One change', other: '{count} changes' } };
    // Without them (a page whose chunk could not be fetched), nothing rather than a failure.
    expect(new Translator('en', strings).t('history', { count: 1 })).to.equal('');
    expect(new Translator('en', strings, enDetails).t('history', { count: 2 })).to.equal('2 changes');
    expect(new Translator('en', {}, enDetails).t('ledger.other')).to.equal('Balance change');
    // Every other language has them in its own words.
    expect(new Translator('de', {}, enDetails).t('ledger.other')).to.equal(catalogues.de!['ledger.other']);
  });

  it('lets a host override messages, ignoring unknown keys and wrong shapes', () => {
    const t = new Translator('en', {
      empty: 'No credits yet.',
      periods: { one: 'one slot', other: '{count} slots' },
      title: 42 as never,
      nonsense: 'x',
    } as never);
    expect(t.t('empty')).to.equal('No credits yet.');
    expect(t.t('periods', { count: 1 })).to.equal('one slot');
    expect(t.t('periods', { count: 3 })).to.equal('3 slots');
    expect(t.t('title')).to.equal('Credits');
  });

  it('is documented key by key in the README, each with its English text', async () => {
    const readme = await (await fetch('/README.md')).text();
    const cell = (message: Message) =>
      typeof message === 'string'
        ? message
        : Object.entries(message)
            .map(([form, text]) => `${form}: ${text}`)
            .join('; ');
    const table = [
      '| key | English |',
      '|---|---|',
      ...Object.entries(english).map(([key, message]) => `| \`${key}\` | ${cell(message)} |`),
    ];
    expect(readme, `the README's table of strings is out of date; it should read:\n${table.join('\n')}`).to.include(table.join('\n'));
  });

  it('fills placeholders and leaves unknown ones as they are', () => {
    expect(new Translator('en').t('error.http', { status: 503 })).to.include('HTTP 503');
    expect(new Translator('en').t('error.http')).to.include('HTTP {status}');
  });
});
