// The other order: Svelte mounts first and, finding no tokenProvider property on the undefined element, writes a
// tokenprovider attribute, which cannot carry a function. Defined afterwards, the widget says so (`config`).
import '../shared.js';
import { mount } from 'svelte';
import App from './App.svelte';

mount(App, { target: document.getElementById('app') });
await import('credit-balance');
