// part: accessibility and forms (issue 8). Loaded on every page by fragments/layout.html.
(function () {
  'use strict';

  // A table wider than the screen scrolls sideways: it takes the keyboard focus so that it can be
  // scrolled without a mouse (WCAG 2.1.1). Tables that fit get no useless tab stop.
  function focusableScrollRegions() {
    document.querySelectorAll('.table-responsive').forEach(function (region) {
      if (region.scrollWidth > region.clientWidth) {
        region.setAttribute('tabindex', '0');
      } else if (region.getAttribute('tabindex') === '0') {
        region.removeAttribute('tabindex');
      }
    });
  }

  // The error summary of a refused form (fragments/form-errors.html): each item names its field,
  // its link moves the focus to the field, and the summary has the focus when the page opens.
  function errorSummaries() {
    document.querySelectorAll('[data-error-summary]').forEach(function (summary) {
      var form = summary.closest('form') || document;
      summary.querySelectorAll('a[data-field]').forEach(function (link) {
        var field = fieldNamed(form, link.getAttribute('data-field'));
        if (!field) {
          return;
        }
        var label = field.labels && field.labels.length ? field.labels[0].textContent.trim() : '';
        var group = field.closest('fieldset');
        var legend = group ? group.querySelector('legend') : null;
        var name = field.type === 'radio' && legend ? legend.textContent.trim() : label;
        if (name) {
          link.textContent = name + (summary.dataset.separator || ': ') + link.textContent;
        }
        link.addEventListener('click', function (event) {
          event.preventDefault();
          field.focus();
        });
      });
      summary.focus();
    });
  }

  // A field fixed in the browser (a file within the limit chosen after a refusal) leaves the error
  // summary: the summary lists only what is still to fix, and goes once nothing is.
  function fixedInSummary(field) {
    var form = field.closest('form') || document;
    form.querySelectorAll('[data-error-summary]').forEach(function (summary) {
      summary.querySelectorAll('a[data-field]').forEach(function (link) {
        var name = link.getAttribute('data-field');
        if (name === field.name || name === field.id) {
          link.closest('li').remove();
        }
      });
      var left = summary.querySelectorAll('li').length;
      var heading = summary.querySelector('.alert-title');
      if (left === 0) {
        summary.remove();
      } else if (heading) {
        heading.textContent = left === 1 ? summary.dataset.headingOne : summary.dataset.headingMany.replace('{n}', left);
      }
    });
  }

  // Any other refused page, also one sent in place by htmx (whose swap leaves the focus nowhere):
  // its error summary (an alert made to take the focus, tabindex -1), or else its first field in
  // error (g:invalid), has the focus, unless the page put it elsewhere (a data-error-summary above,
  // autofocus).
  function focusFirstError() {
    if (document.activeElement && document.activeElement !== document.body) {
      return;
    }
    var target = document.querySelector('[role=alert][tabindex="-1"]') || document.querySelector('[aria-invalid=true]');
    if (target) {
      target.focus();
    }
  }

  function fieldNamed(form, name) {
    return form.querySelector('#' + CSS.escape(name)) || form.querySelector('[name="' + CSS.escape(name) + '"]');
  }

  // A file input with data-max-bytes refuses a file over the server's limit before anything is
  // sent: the message appears next to the field and the form waits for another file.
  function fileSizeLimits() {
    document.addEventListener('change', function (event) {
      var input = event.target;
      if (!(input instanceof HTMLInputElement) || input.type !== 'file' || !input.dataset.maxBytes) {
        return;
      }
      var tooLarge = Array.prototype.some.call(input.files, function (file) {
        return file.size > Number(input.dataset.maxBytes);
      });
      input.setCustomValidity(tooLarge ? input.dataset.tooLarge : '');
      input.classList.toggle('is-invalid', tooLarge);
      var message = document.getElementById(input.id + '-size-error');
      if (message) {
        message.textContent = tooLarge ? input.dataset.tooLarge : '';
        message.classList.toggle('d-block', tooLarge);
      }
      if (!tooLarge && input.files.length > 0) {
        fixedInSummary(input);
      }
    });
    document.addEventListener('submit', function (event) {
      var form = event.target;
      var refused = Array.prototype.find.call(form.querySelectorAll('input[type=file][data-max-bytes]'),
        function (input) { return input.validationMessage; });
      if (refused) {
        event.preventDefault();
        event.stopImmediatePropagation();
        refused.focus();
      }
    }, true);
  }

  // A textarea with a maxlength tells screen readers how many characters are left once the text
  // nears the limit (the last 5 %, at least 50), after a pause in typing rather than at each key.
  function remainingCharacters() {
    var timers = new WeakMap();
    document.addEventListener('input', function (event) {
      var field = event.target;
      if (!(field instanceof HTMLTextAreaElement) || !field.maxLength || field.maxLength < 0 || !field.id) {
        return;
      }
      var hint = document.getElementById(field.id + '-remaining');
      if (!hint) {
        hint = document.createElement('span');
        hint.id = field.id + '-remaining';
        hint.className = 'visually-hidden';
        hint.setAttribute('aria-live', 'polite');
        field.insertAdjacentElement('afterend', hint);
      }
      clearTimeout(timers.get(field));
      var left = field.maxLength - field.value.length;
      var near = Math.max(50, Math.round(field.maxLength * 0.05));
      timers.set(field, setTimeout(function () {
        hint.textContent = left <= near ? document.body.dataset.charsLeft.replace('{n}', left) : '';
      }, 600));
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    focusableScrollRegions();
    errorSummaries();
    focusFirstError();
  });
  window.addEventListener('resize', focusableScrollRegions);
  document.addEventListener('htmx:afterSettle', focusableScrollRegions);
  document.addEventListener('htmx:afterSettle', focusFirstError);
  fileSizeLimits();
  remainingCharacters();
})();
