/** {@code /api/v1/mail-templates}: the mails' texts for administrators (docs/API.md#mail-templates). */
@org.jspecify.annotations.NullMarked
package org.guichet.mail.templates.api;
