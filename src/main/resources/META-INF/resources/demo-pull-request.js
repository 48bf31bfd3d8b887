// Follows a demo pull request's check: asks for its JSON every second and reloads the page when the check's status
// or conclusion, or the comment, changed, so that signing turns the page green without a reload by hand. Every word
// stays in the page; this only compares.
(function () {
  'use strict';

  var section = document.getElementById('check');
  if (!section) {
    return;
  }

  function changed(answer) {
    var check = answer.check || {};
    return (check.status || '') !== section.dataset.status
      || (check.conclusion || '') !== section.dataset.conclusion
      || (answer.comment || '') !== section.dataset.comment;
  }

  function poll() {
    fetch(section.dataset.json, { headers: { Accept: 'application/json' }, cache: 'no-store' })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (answer) {
        if (answer && changed(answer)) {
          window.location.reload();
        } else {
          window.setTimeout(poll, 1000);
        }
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }

  window.setTimeout(poll, 1000);
}());
