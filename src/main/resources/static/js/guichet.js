// Sends the CSRF token with every htmx request.
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});
// Opens and closes the navigation menu on a phone without Bootstrap's script.
document.addEventListener('click', function (event) {
  var toggler = event.target.closest('.navbar-toggler');
  if (toggler) {
    var menu = document.getElementById(toggler.getAttribute('data-bs-target').substring(1));
    var open = menu.classList.toggle('show');
    toggler.setAttribute('aria-expanded', open ? 'true' : 'false');
  }
});
// Sends a form once: while its request runs, its submit buttons are disabled, with their text
// unchanged, and a second submission (double click, Enter pressed twice) goes nowhere. The
// server processes each form's one-time token once anyway; this spares the second request.
(function () {
  function setBusy(form, busy) {
    if (busy) {
      form.setAttribute('aria-busy', 'true');
    } else {
      form.removeAttribute('aria-busy');
    }
    Array.prototype.forEach.call(form.elements, function (element) {
      if (element.type === 'submit') {
        element.disabled = busy;
      }
    });
  }
  // Capturing, so that it runs before htmx's own listener on the form.
  document.addEventListener('submit', function (event) {
    if (event.target.getAttribute('aria-busy') === 'true') {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);
  // Bubbling, once every listener had its say: a submission nobody cancelled leaves the page.
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (event.defaultPrevented) {
      return;
    }
    form.setAttribute('aria-busy', 'true');
    // Later, once the browser has read the fields: a disabled button would not send its name.
    setTimeout(function () { setBusy(form, true); }, 0);
  });
  // Forms sent by htmx stay on the page: ready again when the answer arrives.
  document.addEventListener('htmx:beforeRequest', function (event) {
    if (event.detail.elt.tagName === 'FORM') {
      setBusy(event.detail.elt, true);
    }
  });
  document.addEventListener('htmx:afterRequest', function (event) {
    if (event.detail.elt.tagName === 'FORM') {
      setBusy(event.detail.elt, false);
    }
  });
  // A page the back button brings back from the cache shows its forms ready again.
  window.addEventListener('pageshow', function (event) {
    if (event.persisted) {
      document.querySelectorAll('form[aria-busy="true"]').forEach(function (form) { setBusy(form, false); });
    }
  });
})();
