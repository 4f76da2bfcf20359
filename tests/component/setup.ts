import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import '../../renderer/i18n';

// Views wait for the real backend, which writes to disk: on a busy machine that takes longer than a second.
configure({ asyncUtilTimeout: 5000 });

// Mantine reads media queries and observes sizes; happy-dom has neither.
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  }),
});

class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
window.ResizeObserver ??= ResizeObserverStub;
window.HTMLElement.prototype.scrollIntoView ??= () => {};
// happy-dom lays nothing out, so every box is 0×0 and a virtualised list would show no rows.
// A screen-sized box lets it render its first screenful, as in a real window.
for (const [name, size] of [['clientHeight', 800], ['clientWidth', 1200]] as const) {
  Object.defineProperty(window.HTMLElement.prototype, name, { configurable: true, get: () => size });
}
// Textarea autosize listens for web fonts loading.
if (!('fonts' in document)) Object.defineProperty(document, 'fonts', { value: new EventTarget() });

afterEach(() => {
  cleanup();
  delete window.kundenkreis;
  window.location.hash = '';
});
