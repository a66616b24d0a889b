// Issue 14: a catalogue form's conditional fields. A field wrapper with data-shown-when="<key>" and
// data-shown-value="<answer>" is shown only while the field <key> (itself shown) has that answer;
// a hidden field's inputs are disabled, so they are neither sent nor checked. The server decides
// again on what it receives.
(function () {
  'use strict';

  function answersOf(form, key) {
    var wrapper = document.getElementById('answer-' + key + '-wrapper');
    if (!wrapper || wrapper.hidden) {
      return [];
    }
    return Array.prototype.filter.call(form.elements, function (input) {
      return input.name === 'answers.' + key && !input.disabled
        && ((input.type !== 'radio' && input.type !== 'checkbox') || input.checked);
    }).map(function (input) { return input.value; });
  }

  function update(form) {
    form.querySelectorAll('.catalogue-field').forEach(function (wrapper) {
      var key = wrapper.getAttribute('data-shown-when');
      if (!key) {
        return;
      }
      var shown = answersOf(form, key).indexOf(wrapper.getAttribute('data-shown-value')) >= 0;
      wrapper.hidden = !shown;
      wrapper.querySelectorAll('input, select, textarea, fieldset').forEach(function (input) {
        input.disabled = !shown;
      });
    });
  }

  document.addEventListener('change', function (event) {
    var form = event.target.closest && event.target.closest('#catalogue-form');
    if (form) {
      update(form);
    }
  });
})();
