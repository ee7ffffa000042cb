/**
 * The service worker (client/build/sw-template.js, written per build): registered once the page
 * has loaded, it stores what this first visit already read, looks for a new release every hour
 * (a projector laptop stays on one page for hours) and offers a new release as "Neue Version –
 * neu laden": the new worker takes over, and the page reloads, only when the reader says so.
 */
export async function registerServiceWorker(): Promise<void> {
  const registration = await navigator.serviceWorker.register('/sw.js');
  let accepted = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (accepted) window.location.reload();
    // The first worker has just taken this page over: what the page read until now — also what it
    // asked for after the worker was ready and before it took over — is stored too.
    else storeWhatWasRead(navigator.serviceWorker.controller);
  });
  const offer = (worker: ServiceWorker) =>
    showUpdatePrompt(() => {
      accepted = true;
      worker.postMessage({ type: 'activate' });
    });
  if (registration.waiting && navigator.serviceWorker.controller) offer(registration.waiting);
  registration.addEventListener('updatefound', () => {
    const worker = registration.installing;
    worker?.addEventListener('statechange', () => {
      if (worker.state === 'installed' && navigator.serviceWorker.controller) offer(worker);
    });
  });
  const ready = await navigator.serviceWorker.ready;
  // What this page read before a worker controlled it (the first visit): stored now, for offline use.
  storeWhatWasRead(ready.active);
  setInterval(() => void registration.update().catch(() => {}), 60 * 60 * 1000);
}

/** Asks the worker to store every API answer this page has read (it keeps only what it may store). */
function storeWhatWasRead(worker: ServiceWorker | null): void {
  worker?.postMessage({ type: 'store', urls: performance.getEntriesByType('resource').map((e) => e.name) });
}

/** A small notice at the foot of the screen, outside React: it must work whatever the page shows. */
function showUpdatePrompt(accept: () => void): void {
  if (document.getElementById('update-prompt')) return;
  const english = document.documentElement.lang === 'en';
  const box = document.createElement('div');
  box.id = 'update-prompt';
  box.className = 'update-prompt';
  box.setAttribute('role', 'status');
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = english ? 'reload' : 'neu laden';
  button.addEventListener('click', () => {
    button.disabled = true;
    accept();
  });
  box.append(english ? 'New version – ' : 'Neue Version – ', button);
  document.body.append(box);
}
