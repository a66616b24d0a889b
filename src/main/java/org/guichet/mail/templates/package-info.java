/**
 * The texts of the mails as administrators edit them: named placeholders, the checks of an edited
 * text, the overrides of the bundle's texts per kind and language (table {@code mail_template},
 * read through a short-lived cache) and their administration page (docs/MAIL.md#mail-templates).
 */
@org.jspecify.annotations.NullMarked
package org.guichet.mail.templates;
