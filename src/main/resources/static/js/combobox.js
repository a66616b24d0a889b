// Issue 8, queues: the caller type-ahead of the agent's new-ticket form, as an ARIA combobox.
// htmx fetches the options as the agent types; the arrows move through them, Enter or a click
// picks one (its id goes to the hidden requesterId), Escape closes the list.
(function () {
  'use strict';
  var input = document.getElementById('caller-search');
  var list = document.getElementById('caller-options');
  var hidden = document.getElementById('requesterId');
  if (!input || !list || !hidden) {
    return;
  }

  function options() {
    return Array.prototype.slice.call(list.querySelectorAll('[role="option"]'));
  }

  function active() {
    return list.querySelector('[aria-selected="true"]');
  }

  function open(isOpen) {
    input.setAttribute('aria-expanded', isOpen ? 'true' : 'false');
    if (!isOpen) {
      list.innerHTML = '';
      input.removeAttribute('aria-activedescendant');
    }
  }

  function highlight(option) {
    options().forEach(function (o) { o.setAttribute('aria-selected', o === option ? 'true' : 'false'); });
    if (option) {
      input.setAttribute('aria-activedescendant', option.id);
      option.scrollIntoView({ block: 'nearest' });
    }
  }

  function pick(option) {
    hidden.value = option.getAttribute('data-id');
    input.value = option.getAttribute('data-label');
    open(false);
  }

  input.addEventListener('input', function () {
    hidden.value = '';
  });
  document.addEventListener('htmx:afterSwap', function (event) {
    if (event.detail.target === list) {
      open(list.children.length > 0);
    }
  });
  input.addEventListener('keydown', function (event) {
    var all = options();
    var index = all.indexOf(active());
    if (event.key === 'ArrowDown' && all.length) {
      event.preventDefault();
      highlight(all[Math.min(index + 1, all.length - 1)]);
    } else if (event.key === 'ArrowUp' && all.length) {
      event.preventDefault();
      highlight(all[Math.max(index - 1, 0)]);
    } else if (event.key === 'Enter' && active()) {
      event.preventDefault();
      pick(active());
    } else if (event.key === 'Escape') {
      open(false);
    }
  });
  list.addEventListener('mousedown', function (event) {
    var option = event.target.closest('[role="option"]');
    if (option) {
      event.preventDefault();
      pick(option);
    }
  });
  input.addEventListener('blur', function () {
    setTimeout(function () { open(false); }, 150);
  });
})();
