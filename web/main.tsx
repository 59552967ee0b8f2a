import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { startI18n } from './i18n';
import './shared/styles.css';
import './shared/shell.css';
import App from './App';
import { primeOfflineData, whenControlled } from './api/offline';

const queryClient = new QueryClient({
  // offlineFirst: run queries even when the phone says it is offline, so the service worker's cache
  // and the on-device fallbacks (web/api/offline.ts) can answer them.
  defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false, staleTime: 60_000, networkMode: 'offlineFirst' } },
});

// Once the service worker controls the page, fill its cache with what a worker needs offline — but only after the
// page is up and the phone is idle, so the priming fetches do not compete with the first render.
void whenControlled().then(() => afterFirstPaint(() => void primeOfflineData()));

/** Runs `fn` when the main thread is idle (or after 2 s at most); setTimeout where requestIdleCallback is missing. */
function afterFirstPaint(fn: () => void): void {
  if ('requestIdleCallback' in window) window.requestIdleCallback(fn, { timeout: 2000 });
  else setTimeout(fn, 500);
}

/** Resolves in a new task, so the browser can paint and handle a tap between two pieces of start-up work. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

const onHomePage = !location.hash || location.hash === '#/';
// The static first paint in index.html stays until the home page's code is here, so React's first commit shows
// the finder instead of swapping the static intro for a "loading" line. On any other page that intro (the finder's)
// would be the wrong page until React renders, so only the header stays.
if (!onHomePage) document.querySelector('.app-shell__intro')?.remove();
const home = onHomePage ? Promise.all([import('./features/finder/Page'), import('./features/visits/NextVisits')]) : Promise.resolve();

/** After the bundle is evaluated, start-up takes two more tasks: the dictionaries, then React's first render. */
async function boot(): Promise<void> {
  await home.catch(() => undefined);
  await nextTask();
  startI18n();
  await nextTask();
  // A transition renders in small slices that yield to the browser, instead of one long task that blocks taps.
  startTransition(() =>
    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <QueryClientProvider client={queryClient}>
          <App />
        </QueryClientProvider>
      </StrictMode>,
    ),
  );
}
void boot();
