// An Angular 21 app (zoneless, standalone): CUSTOM_ELEMENTS_SCHEMA lets the template use <credit-balance>
// (without it `ng build` fails with NG8001/NG8002); attributes through [attr.…], tokenProvider and strings as
// [property] bindings, the four events as (event) bindings.
import { CUSTOMER, LOW_BALANCE, STRINGS, entry, signedOut, tokenProvider } from '../../shared.js';
import 'credit-balance';
import { CUSTOM_ELEMENTS_SCHEMA, Component, provideZonelessChangeDetection, signal } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';

@Component({
  selector: 'app-root',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <credit-balance
      [attr.customer-id]="customer"
      [attr.scope]="scope()"
      include-ledgers
      [attr.low-balance]="lowBalance"
      [tokenProvider]="tokens()"
      [strings]="strings"
      (credit-balance-load)="log($event)"
      (credit-balance-expiring)="log($event)"
      (credit-balance-low)="log($event)"
      (credit-balance-error)="log($event)"
    ></credit-balance>
    <button id="scope" (click)="scope.set('customer')">Customer-level only</button>
    <button id="sign-out" (click)="tokens.set(signedOut)">Sign out</button>
    <output id="events">{{ events().join(' ') }}</output>
  `,
})
class App {
  readonly customer = CUSTOMER;
  readonly lowBalance = LOW_BALANCE;
  readonly strings = STRINGS;
  readonly signedOut = signedOut;
  readonly scope = signal('all');
  readonly tokens = signal(tokenProvider);
  readonly events = signal<string[]>([]);

  log(event: Event): void {
    this.events.update((list) => [...list, entry(event)]);
  }
}

bootstrapApplication(App, { providers: [provideZonelessChangeDetection()] }).catch((error: unknown) => console.error(error));
