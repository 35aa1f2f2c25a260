// A server component: the page is rendered on the server, <credit-balance> and its attributes included, and
// hydrated in the browser.
import { Credits } from './credits';

export default function Page() {
  return (
    <main>
      <h1>Billing</h1>
      <Credits />
    </main>
  );
}
