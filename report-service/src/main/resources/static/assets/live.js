// Live refresh, as an enhancement: the page is complete without it. Every few seconds it asks the
// server for the page's version (a short text); when that changes it fetches the same URL again and
// swaps in the regions marked data-live-region, keeping the reader's filters, scroll and focus.
(function () {
    'use strict';
    var main = document.querySelector('[data-live-version-url]');
    var status = document.getElementById('live-status');
    if (!main || !window.fetch || !window.DOMParser) {
        return;
    }
    var version = main.getAttribute('data-live-version');
    var every = Number(main.getAttribute('data-live-every')) || 5000;
    var say = function (text) { if (status) { status.textContent = text; } };
    say('Live: new activity appears here without reloading.');

    function refresh() {
        return fetch(window.location.href, { cache: 'no-store', headers: { 'Accept': 'text/html' } })
            .then(function (response) { if (!response.ok) { throw new Error(response.status); } return response.text(); })
            .then(function (html) {
                var fresh = new DOMParser().parseFromString(html, 'text/html');
                document.querySelectorAll('[data-live-region]').forEach(function (region) {
                    var replacement = region.id && fresh.getElementById(region.id);
                    if (replacement && !region.contains(document.activeElement)) {
                        region.replaceWith(document.importNode(replacement, true));
                    }
                });
                var freshMain = fresh.querySelector('[data-live-version]');
                if (freshMain) {
                    version = freshMain.getAttribute('data-live-version');
                }
                say('Updated with new activity at ' + new Date().toLocaleTimeString() + '.');
            });
    }

    function poll() {
        fetch(main.getAttribute('data-live-version-url'), { cache: 'no-store' })
            .then(function (response) { if (!response.ok) { throw new Error(response.status); } return response.text(); })
            .then(function (current) { return current.trim() !== version ? refresh() : null; })
            .catch(function () { say('Live updates paused: the server did not answer. Reload to try again.'); })
            .then(function () { window.setTimeout(poll, every); });
    }

    window.setTimeout(poll, every);
}());
