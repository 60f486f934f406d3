/** Small named drawings for the figure-position checks, in the shape the diagram cache stores them. */

/** Two subgraphs side by side in a 200 × 100 drawing: "Copies" on the left, "Parts" on the right. */
export const SIDE_BY_SIDE_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100" class="cde-diagram cde-diagram--flowchart">' +
  '<g class="cluster"><rect x="0" y="0" width="90" height="100"/><text class="cluster-label"><tspan>Copies</tspan></text></g>' +
  '<g class="cluster"><rect x="110" y="0" width="90" height="100"/><text class="cluster-label"><tspan>Parts</tspan></text></g>' +
  '<g transform="translate(45 50)"><rect class="label-container" x="-30" y="-10" width="60" height="20"/>' +
  '<text><tspan>Node 1:</tspan><tspan>primary</tspan></text></g>' +
  '<g transform="translate(155 50)"><path class="label-container" d="M0 0"/><text><tspan>Shard A</tspan></text></g>' +
  '</svg>';

/** The same two subgraphs stacked: "Copies" across the top, "Parts" across the bottom. */
export const STACKED_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100" class="cde-diagram cde-diagram--flowchart">' +
  '<g class="cluster"><rect x="0" y="0" width="200" height="40"/><text class="cluster-label"><tspan>Copies</tspan></text></g>' +
  '<g class="cluster"><rect x="20" y="60" width="160" height="40"/><text class="cluster-label"><tspan>Parts</tspan></text></g>' +
  '</svg>';

/** A sequence diagram's two participants, Client on the left and Server on the right. */
export const SEQUENCE_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 200" class="cde-diagram cde-diagram--sequence">' +
  '<rect class="actor" width="100" height="40"/><text class="actor"><tspan>Client</tspan></text>' +
  '<rect class="actor" x="200" width="100" height="40"/><text class="actor"><tspan>Server</tspan></text>' +
  '<rect class="note" x="180" y="100" width="120" height="30"/><text><tspan>commits</tspan></text>' +
  '</svg>';

/** A node inside a translated group: its box is the group's offset plus the rect's. */
export const TRANSLATED_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100">' +
  '<g transform="translate(100, 0)"><g transform="translate(50 80)">' +
  '<rect class="label-container" x="-20" y="-10" width="40" height="20"/><text><tspan>Replica</tspan></text></g></g>' +
  '<g class="edgeLabel" transform="translate(10 10)"><rect class="label-container" width="5" height="5"/><text>WAL</text></g>' +
  '</svg>';
