// Loads a chosen file into the textarea named by data-load-into, so the person can read and fix it before sending.
document.addEventListener('change', function (e) {
  var input = e.target;
  if (!input.matches('input[type=file][data-load-into]') || !input.files.length) { return; }
  var target = document.getElementById(input.dataset.loadInto);
  input.files[0].text().then(function (text) { target.value = text; target.focus(); });
});
