// Sorts the jobs table by a column (click its header; again to reverse) and filters its rows by text.
(function () {
  var table = document.getElementById('jobs-table');
  if (!table) { return; }
  table.setAttribute('data-script', 'ready');
  var body = table.tBodies[0];
  var heads = table.tHead.rows[0].cells;
  function key(row, col, numeric) {
    var cell = row.cells[col];
    var v = cell.hasAttribute('data-v') ? cell.getAttribute('data-v') : cell.textContent;
    if (numeric) { return v === '' ? -Infinity : parseFloat(v); }
    return v.toLowerCase();
  }
  Array.prototype.forEach.call(heads, function (th, col) {
    th.addEventListener('click', function () {
      var numeric = th.getAttribute('data-type') === 'num';
      var up = th.getAttribute('aria-sort') !== 'ascending';
      Array.prototype.forEach.call(heads, function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', up ? 'ascending' : 'descending');
      var rows = Array.prototype.slice.call(body.rows);
      var keys = rows.map(function (r, i) { return [key(r, col, numeric), i, r]; });
      keys.sort(function (a, b) {
        var c = a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1];
        return up ? c : -c;
      });
      var frag = document.createDocumentFragment();
      keys.forEach(function (k) { frag.appendChild(k[2]); });
      body.appendChild(frag);
    });
  });
  var filter = document.getElementById('filter');
  if (filter) {
    filter.addEventListener('input', function () {
      var q = filter.value.toLowerCase();
      Array.prototype.forEach.call(body.rows, function (r) {
        r.style.display = q === '' || r.textContent.toLowerCase().indexOf(q) >= 0 ? '' : 'none';
      });
    });
  }
})();
