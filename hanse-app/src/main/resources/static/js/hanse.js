// Hanse pages: CSRF token on every htmx request, errors shown in the live region, no framework beyond htmx.
(function () {
  function meta(name) {
    var m = document.querySelector('meta[name="' + name + '"]');
    return m ? m.content : null;
  }
  document.addEventListener('htmx:configRequest', function (e) {
    var token = meta('_csrf'), header = meta('_csrf_header');
    if (token && header) { e.detail.headers[header] = token; }
  });
  function toast(html) {
    var t = document.getElementById('toast');
    if (!t) { return; }
    t.innerHTML = html;
    t.hidden = false;
  }
  document.addEventListener('htmx:responseError', function (e) {
    var doc = new DOMParser().parseFromString(e.detail.xhr.responseText || '', 'text/html');
    var problem = doc.querySelector('.problem');
    if (problem) {
      toast(problem.outerHTML);
    } else {
      toast('<div class="problem" role="alert"><strong>Problem</strong><p>The server answered ' + e.detail.xhr.status + '.</p></div>');
    }
  });
  document.addEventListener('htmx:sendError', function () {
    toast('<div class="problem" role="alert"><strong>Offline</strong><p>The server cannot be reached; nothing was sent.</p></div>');
  });
  document.addEventListener('click', function (e) {
    var t = document.getElementById('toast');
    if (t && !t.hidden && t.contains(e.target) && e.target.matches('.problem, .problem *')) { t.hidden = true; }
  });
})();
