/**
 * What the module's drawings share: writing SVG text ({@link org.guichet.presentation.drawing.Svg}),
 * running Eclipse ELK's layered algorithm ({@link org.guichet.presentation.drawing.ElkLayered})
 * and printing an HTML document with inline SVG to PDF ({@link org.guichet.system.HtmlPdf}).
 */
@org.jspecify.annotations.NullMarked
package org.guichet.presentation.drawing;
