// The MASH queue refreshes itself: the server says when something changed (Server-Sent Events) and
// this fetches the page again and swaps in the queue. Without JavaScript the page still works: reload it.
(function () {
  var queue = document.getElementById('mash-queue');
  if (!queue || !window.EventSource || !window.fetch || !window.DOMParser) return;
  var events = new EventSource(queue.getAttribute('data-events'));
  var busy = false;
  function refresh() {
    if (busy) return;
    busy = true;
    fetch(window.location.href, { credentials: 'same-origin', headers: { Accept: 'text/html' } })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (!html) return;
        var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('mash-queue');
        if (fresh) queue.innerHTML = fresh.innerHTML;
      })
      .catch(function () { /* the next event will try again */ })
      .finally(function () { busy = false; });
  }
  events.addEventListener('changed', refresh);
  events.addEventListener('tick', refresh);
})();
