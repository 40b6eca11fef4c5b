// Front door dashboard: keeps the figures current without reloading the page. The server sends
// "changed" over Server-Sent Events when something is recorded at the front door (and "tick" every
// minute so ages move on); this fetches the figures' HTML and swaps it in, keeping open tables open
// and focus where it was, and tells screen reader users politely. Without JavaScript the page works
// as it is, with its Refresh link.
const container = document.getElementById('fdd-figures');
const status = document.getElementById('fdd-status');

if (container && status && 'EventSource' in window && 'fetch' in window) {
  const fragmentUrl = container.dataset.fragment;
  const eventsUrl = container.dataset.events;
  let busy = false;
  let again = false;

  const refresh = async () => {
    if (busy) { again = true; return; }
    busy = true;
    try {
      const response = await fetch(fragmentUrl, { credentials: 'same-origin', headers: { Accept: 'text/html' } });
      // Signed out, or no longer allowed: stop quietly and let the Refresh link take them to sign in.
      if (!response.ok || response.redirected) { status.textContent = 'The figures could not be updated. Use the Refresh link.'; return; }
      const html = await response.text();
      const open = [...container.querySelectorAll('details[open]')].map((d) => d.id);
      const focusedId = container.contains(document.activeElement) ? document.activeElement.id : null;
      const before = [...container.querySelectorAll('[data-headline]')].map((p) => p.textContent).join('|');
      container.innerHTML = html;
      for (const id of open) document.getElementById(id)?.setAttribute('open', '');
      if (focusedId) document.getElementById(focusedId)?.focus();
      const after = [...container.querySelectorAll('[data-headline]')].map((p) => p.textContent).join('|');
      if (after !== before) {
        const time = new Date().toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
        status.textContent = `Figures updated at ${time}.`;
      }
    } catch {
      status.textContent = 'The figures could not be updated. Use the Refresh link.';
    } finally {
      busy = false;
      if (again) { again = false; refresh(); }
    }
  };

  const events = new EventSource(eventsUrl, { withCredentials: true });
  events.addEventListener('changed', refresh);
  events.addEventListener('tick', refresh);
  // After a dropped connection the browser reconnects by itself; fetch once it is back, in case
  // something changed while it was away.
  events.addEventListener('open', () => { if (container.dataset.connected) refresh(); container.dataset.connected = 'yes'; });
}
