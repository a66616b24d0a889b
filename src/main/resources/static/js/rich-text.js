// Markdown preview (part: rich text). A "Preview" button after a textarea asks the server to
// render what is typed, with the same renderer as the pages, and shows it below; pressed again,
// it hides it. The textarea stays as it is: nothing typed is touched.
(function () {
  if (window.guichetRichText) {
    return;
  }
  window.guichetRichText = true;

  function csrfHeaders() {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    var headers = { 'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8' };
    if (token && header) {
      headers[header.content] = token.content;
    }
    return headers;
  }

  function show(button, tools, region) {
    var field = document.getElementById(tools.getAttribute('data-rich-text-for'));
    var body = new URLSearchParams();
    body.set('text', field ? field.value : '');
    body.set('images', tools.getAttribute('data-images') || '');
    button.disabled = true;
    fetch(tools.getAttribute('data-preview-url'), {
      method: 'POST', headers: csrfHeaders(), body: body.toString(), credentials: 'same-origin'
    }).then(function (response) {
      if (!response.ok) {
        throw new Error(response.status);
      }
      return response.text();
    }).then(function (html) {
      region.innerHTML = html;
      region.hidden = false;
      button.setAttribute('aria-expanded', 'true');
      button.textContent = button.getAttribute('data-label-hide');
    }).catch(function () {
      region.textContent = button.getAttribute('data-label-error');
      region.hidden = false;
    }).finally(function () {
      button.disabled = false;
    });
  }

  document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-rich-text-preview]');
    if (!button) {
      return;
    }
    var tools = button.closest('[data-rich-text-for]');
    var region = document.getElementById(button.getAttribute('aria-controls'));
    if (button.getAttribute('aria-expanded') === 'true') {
      region.hidden = true;
      region.innerHTML = '';
      button.setAttribute('aria-expanded', 'false');
      button.textContent = button.getAttribute('data-label-show');
    } else {
      show(button, tools, region);
    }
  });
})();
