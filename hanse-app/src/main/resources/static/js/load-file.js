// Loads a chosen file into the textarea named by data-load-into, so the person can read and fix it before sending.
document.addEventListener('change', function (e) {
  var input = e.target;
  if (!input.matches('input[type=file][data-load-into]') || !input.files.length) { return; }
  var target = document.getElementById(input.dataset.loadInto);
  input.files[0].text().then(function (text) { target.value = text; target.focus(); });
});
// Picking a bundled scenario fetches its text into the scenario field.
document.addEventListener('change', function (e) {
  var select = e.target;
  if (!select.matches('select[data-scenario-picker]') || !select.value) { return; }
  fetch(select.value, { credentials: 'same-origin' }).then(function (r) { return r.text(); })
    .then(function (text) { document.getElementById('scenario').value = text; });
});
