// The order the README gives: the element is defined before Svelte mounts, so Svelte sets tokenProvider and
// strings as properties.
import '../shared.js';
import 'credit-balance';
import { mount } from 'svelte';
import App from './App.svelte';

mount(App, { target: document.getElementById('app') });
