/**
 * Follows `lang` for `<credit-balance>`: a widget without a `locale` speaks the language of its nearest `lang`,
 * and when a page changes a `lang` anywhere in its document (a language switcher), every connected widget updates.
 * One `MutationObserver` for the document, as Shoelace's `LocalizeController` keeps one for `<html>`.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

const hosts = new Set<ReactiveControllerHost>();
let observer: MutationObserver | undefined;

export class DocumentLangController implements ReactiveController {
  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    hosts.add(this.host);
    if (!observer) {
      observer = new MutationObserver(() => {
        for (const host of hosts) host.requestUpdate();
      });
      observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
    }
  }

  hostDisconnected(): void {
    hosts.delete(this.host);
  }

  /** The language the host speaks without a `locale`: its nearest `lang`, else the browser's. */
  get lang(): string {
    return this.host.closest('[lang]')?.getAttribute('lang') || navigator.language;
  }
}
