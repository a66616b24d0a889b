// Issue 8: the type-aheads, as ARIA comboboxes: the caller of the agent's new-ticket form, the
// ticket to link or merge into on the ticket page. An input[role=combobox][data-combobox] fetches
// its options with htmx as the agent types (into the listbox its aria-controls names); the arrows
// move through them, Enter or a click picks one, Escape closes the list. A picked option's
// data-label goes into the input; with data-combobox-value="<id of a hidden field>", its data-id
// goes into that field, emptied again as soon as the agent types. Delegated on the document, so
// that fields swapped in place by htmx work without binding again.
(function () {
  'use strict';

  function comboboxOf(element) {
    return element && element.matches && element.matches('input[data-combobox]') ? element : null;
  }

  function listOf(input) {
    return document.getElementById(input.getAttribute('aria-controls'));
  }

  function inputOf(list) {
    return list && list.id ? document.querySelector('input[data-combobox][aria-controls="' + list.id + '"]') : null;
  }

  function options(list) {
    return Array.prototype.slice.call(list.querySelectorAll('[role="option"]'));
  }

  function active(list) {
    return list.querySelector('[aria-selected="true"]');
  }

  function open(input, isOpen) {
    var list = listOf(input);
    input.setAttribute('aria-expanded', isOpen ? 'true' : 'false');
    if (!isOpen && list) {
      list.innerHTML = '';
      input.removeAttribute('aria-activedescendant');
    }
  }

  function highlight(input, option) {
    options(listOf(input)).forEach(function (o) { o.setAttribute('aria-selected', o === option ? 'true' : 'false'); });
    if (option) {
      input.setAttribute('aria-activedescendant', option.id);
      option.scrollIntoView({ block: 'nearest' });
    }
  }

  function pick(input, option) {
    if (option.hasAttribute('data-href')) {
      // a suggestion of the global search box: its document opens
      window.location.assign(option.getAttribute('data-href'));
      return;
    }
    var hidden = document.getElementById(input.getAttribute('data-combobox-value') || '');
    if (hidden) {
      hidden.value = option.getAttribute('data-id');
    }
    input.value = option.getAttribute('data-label');
    open(input, false);
  }

  document.addEventListener('input', function (event) {
    var input = comboboxOf(event.target);
    var hidden = input && document.getElementById(input.getAttribute('data-combobox-value') || '');
    if (hidden) {
      hidden.value = '';
    }
  });
  document.addEventListener('htmx:afterSwap', function (event) {
    var input = inputOf(event.detail.target);
    if (input) {
      open(input, event.detail.target.children.length > 0);
    }
  });
  document.addEventListener('keydown', function (event) {
    var input = comboboxOf(event.target);
    var list = input && listOf(input);
    if (!list) {
      return;
    }
    var all = options(list);
    var index = all.indexOf(active(list));
    if (event.key === 'ArrowDown' && all.length) {
      event.preventDefault();
      highlight(input, all[Math.min(index + 1, all.length - 1)]);
    } else if (event.key === 'ArrowUp' && all.length) {
      event.preventDefault();
      highlight(input, all[Math.max(index - 1, 0)]);
    } else if (event.key === 'Enter' && active(list)) {
      event.preventDefault();
      pick(input, active(list));
    } else if (event.key === 'Escape' && input.getAttribute('aria-expanded') === 'true') {
      // closes the list only: the page's Escape (leave the field) waits for the next one
      event.preventDefault();
      open(input, false);
    }
  }, true);
  document.addEventListener('mousedown', function (event) {
    var option = event.target.closest && event.target.closest('[role="option"]');
    var input = option && inputOf(option.closest('[role="listbox"]'));
    if (input) {
      event.preventDefault();
      pick(input, option);
    }
  });
  document.addEventListener('focusout', function (event) {
    var input = comboboxOf(event.target);
    if (input) {
      setTimeout(function () { open(input, false); }, 150);
    }
  });
})();
