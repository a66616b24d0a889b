/**
 * Rich text: the one Markdown renderer and HTML sanitiser of Guichet. Whatever people write
 * (ticket descriptions, replies, notes, solutions; the knowledge base's articles later) is
 * shown through {@link org.guichet.text.RichText}, and a form's preview asks the same renderer.
 * It also holds the one accent and case folding ({@link org.guichet.text.Folding}) that routing
 * rules and recurring incidents compare words with.
 * It depends on no other module but {@code system}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Text")
@org.jspecify.annotations.NullMarked
package org.guichet.text;
