// The portal's new-ticket form: the category the assistant suggests (assist/web, loaded by htmx into
// #category-suggestion as the person types) is preselected until the person chooses a category
// themselves; from then on it is never changed. A category already there when the page opens (a form
// sent back with an error, a follow-up) counts as chosen.
document.addEventListener('DOMContentLoaded', () => {
  const select = document.getElementById('categoryId');
  const box = document.getElementById('category-suggestion');
  if (!select || !box) {
    return;
  }
  let chosen = select.value !== '';
  select.addEventListener('change', (event) => {
    if (event.isTrusted) {
      chosen = true;
    }
  });
  box.addEventListener('htmx:afterSwap', () => {
    if (chosen) {
      return;
    }
    const suggestion = box.querySelector('[data-category-id]');
    const value = suggestion ? suggestion.dataset.categoryId : '';
    if (select.value !== value && (value === '' || select.querySelector(`option[value="${value}"]`))) {
      select.value = value;
      // as a change by hand would: the knowledge suggestions follow the category
      select.dispatchEvent(new Event('change', { bubbles: true }));
    }
  });
});
