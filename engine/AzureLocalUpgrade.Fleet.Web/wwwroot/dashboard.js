// Live updates for the dashboard's pages: every couple of seconds, fetch the page's content alone (the URL in
// main[data-live]) and swap it in when it changed. No framework, no inline script (the Content-Security-Policy
// allows only this file). A poll that fails (dashboard restarting, store briefly away) is simply tried again.
(() => {
  "use strict";
  const main = document.querySelector("main[data-live]");
  if (!main) {
    return;
  }

  const url = main.dataset.live;
  const intervalMs = 1500;
  let last = main.innerHTML;
  let busy = false;

  async function poll() {
    if (busy || document.hidden) {
      return;
    }

    // Never replace a form a person is using: a click on "Approve" must submit the form it was made on.
    const focused = document.activeElement;
    if (focused && focused !== document.body && main.contains(focused) && focused.closest("form")) {
      return;
    }

    busy = true;
    try {
      const response = await fetch(url, { credentials: "same-origin", cache: "no-store" });
      if (response.status === 401) {
        window.location.reload();
        return;
      }

      if (response.ok) {
        const html = await response.text();
        if (html !== last) {
          last = html;
          main.innerHTML = html;
          main.dataset.refreshed = String(Date.now());
        }
      }
    } catch (error) {
      // The next tick tries again.
    } finally {
      busy = false;
    }
  }

  window.setInterval(poll, intervalMs);
})();
