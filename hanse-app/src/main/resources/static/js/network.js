// The operator's network map: Cytoscape.js over /ui/network/graph.json, recoloured by zone or trust without reloading.
(function () {
  var ZONE = { BELOW: '#b42318', INSIDE: '#067647', ABOVE: '#175cd3', NONE: '#8a93a6' };
  var TRUST = { LOW: '#b42318', MEDIUM: '#b54708', HIGH: '#067647', UNRATED: '#8a93a6' };
  var EDGE = { STRATEGIC: '#1b4d89', LOCK_IN_RISK: '#7a5af8', OPPORTUNISTIC: '#12b76a', MARKET: '#98a2b3', UNASSESSED: '#98a2b3', SUBSTITUTE: '#067647' };
  var container = document.getElementById('graph');
  // The map's controls act at once; Enter in the search field must not submit (and reload) the page.
  document.getElementById('map-controls').addEventListener('submit', function (e) { e.preventDefault(); });
  fetch(container.dataset.src, { credentials: 'same-origin' }).then(function (r) { return r.json(); }).then(function (g) {
    var cy = cytoscape({
      container: container,
      elements: { nodes: g.nodes, edges: g.edges },
      layout: { name: 'cose', animate: false, randomize: false, nodeRepulsion: 9000, idealEdgeLength: 80 },
      wheelSensitivity: 0.3,
      style: [
        { selector: 'node', style: { 'label': 'data(id)', 'font-size': 9, 'text-valign': 'bottom', 'text-margin-y': 3,
          'background-color': function (n) { return ZONE[n.data('zone')] || ZONE.NONE; }, 'width': 18, 'height': 18,
          'border-width': 1, 'border-color': '#1d2433' } },
        { selector: 'node[?critical]', style: { 'border-width': 3, 'border-color': '#f0b400' } },
        { selector: 'node[?exited]', style: { 'border-style': 'dashed', 'border-width': 3, 'opacity': 0.6, 'shape': 'diamond' } },
        { selector: 'node[?substitute]', style: { 'shape': 'star', 'width': 24, 'height': 24 } },
        { selector: 'edge', style: { 'width': 1.5, 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'arrow-scale': 0.7,
          'line-color': function (e) { return EDGE[e.data('relationClass')] || '#98a2b3'; },
          'target-arrow-color': function (e) { return EDGE[e.data('relationClass')] || '#98a2b3'; } } },
        { selector: 'edge[?critical]', style: { 'width': 4, 'line-color': '#f0b400', 'target-arrow-color': '#f0b400' } },
        { selector: 'edge[relationClass = "SUBSTITUTE"]', style: { 'line-style': 'dashed', 'width': 2.5, 'label': 'replaces', 'font-size': 8 } },
        { selector: ':selected', style: { 'overlay-opacity': 0.2, 'overlay-color': '#1b4d89' } }
      ]
    });
    container.dataset.exited = String(cy.nodes('[?exited]').length);
    container.dataset.ready = String(cy.nodes().length);
    cy.on('tap', 'node', function (e) { window.location = '/ui/nodes/' + encodeURIComponent(e.target.id()); });
    var by = document.getElementById('colour-by');
    by.addEventListener('change', function () {
      var trust = by.value === 'trust';
      document.getElementById('legend-zone').hidden = trust;
      document.getElementById('legend-trust').hidden = !trust;
      cy.nodes().style('background-color', function (n) {
        return trust ? (TRUST[n.data('trustBand')] || TRUST.UNRATED) : (ZONE[n.data('zone')] || ZONE.NONE);
      });
    });
    document.getElementById('find-node').addEventListener('change', function (e) {
      var n = cy.getElementById(e.target.value);
      if (n.nonempty()) { cy.elements().unselect(); n.select(); cy.animate({ center: { eles: n }, zoom: 1.5 }); }
    });
  });
})();
