/** Administration › Mail out › Mail texts: the editor of each kind's texts with its preview. */
@org.jspecify.annotations.NullMarked
package org.guichet.mail.templates.web;
