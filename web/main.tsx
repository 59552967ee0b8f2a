import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import './i18n';
import './shared/styles.css';
import App from './App';
import { primeOfflineData, whenControlled } from './api/offline';

const queryClient = new QueryClient({
  // offlineFirst: run queries even when the phone says it is offline, so the service worker's cache
  // and the on-device fallbacks (web/api/offline.ts) can answer them.
  defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false, staleTime: 60_000, networkMode: 'offlineFirst' } },
});

// Once the service worker controls the page, fill its cache with what a worker needs offline.
void whenControlled().then(() => primeOfflineData());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
