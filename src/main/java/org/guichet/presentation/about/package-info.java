/**
 * Presenting the tool: the page for administrators and supervisors naming Guichet, its licence,
 * version and build, the features in use with their counts, the topology of this deployment
 * ({@link org.guichet.presentation.about.TopologyBuilder}, laid out by Eclipse ELK and drawn as
 * SVG), the resources it uses and the software it needs; its PDF and its API
 * ({@code GET /api/v1/about}).
 */
@org.jspecify.annotations.NullMarked
package org.guichet.presentation.about;
