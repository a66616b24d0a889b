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
