// Follows the history imports still queued or running on the relicensing page: asks the API for each one's
// progress every second and writes the numbers into the row; when one ends, reloads the page, which then shows
// the outcome (and the report with the new history). Every word stays in the page; this only sets numbers.
(function () {
  'use strict';

  var POLL_MS = 1000;
  var RETRY_MS = 5000;

  function set(row, field, value) {
    var element = row.querySelector('[data-field="' + field + '"]');
    if (element) {
      element.textContent = value === null || value === undefined ? '' : String(value);
    }
  }

  function show(row, field, visible) {
    var element = row.querySelector('[data-show="' + field + '"]');
    if (element) {
      element.hidden = !visible;
    }
  }

  function update(row, job) {
    row.dataset.state = job.state;
    set(row, 'state', job.state);
    set(row, 'phase', job.phase);
    set(row, 'commitsDone', job.commitsDone);
    set(row, 'commitsTotal', job.commitsTotal === undefined ? '?' : job.commitsTotal);
    set(row, 'rate', job.rate === undefined ? '' : job.rate.toFixed(1));
    show(row, 'rate', job.rate > 0);
    set(row, 'etaSeconds', job.etaSeconds);
    show(row, 'etaSeconds', job.etaSeconds !== undefined);
    var bar = row.querySelector('[data-field="bar"]');
    if (bar && job.commitsTotal > 0) {
      bar.max = job.commitsTotal;
      bar.value = job.commitsDone;
    }
  }

  function follow(row) {
    function poll() {
      fetch(row.dataset.url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function (response) {
          if (response.status === 401 || response.status === 403 || response.status === 404) {
            // Signed out, no longer a maintainer, or the import is gone: asking again would not change that.
            return null;
          }
          if (!response.ok) {
            throw new Error('HTTP ' + response.status);
          }
          return response.json();
        })
        .then(function (job) {
          if (job === null) {
            return;
          }
          if (job.state === 'DONE' || job.state === 'FAILED') {
            window.location.reload();
            return;
          }
          update(row, job);
          window.setTimeout(poll, POLL_MS);
        })
        .catch(function () {
          window.setTimeout(poll, RETRY_MS);
        });
    }
    window.setTimeout(poll, POLL_MS);
  }

  document.querySelectorAll('tr.import').forEach(function (row) {
    if (row.dataset.state === 'QUEUED' || row.dataset.state === 'RUNNING') {
      follow(row);
    }
  });
})();
