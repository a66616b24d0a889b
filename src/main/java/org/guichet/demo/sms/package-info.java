/**
 * The demo's fake SMS gateway (profile {@code demo} only): the SMS channel switched on with the
 * generic HTTP gateway pointed at a page of Guichet itself, so that the product's own gateway code
 * sends; the administrators' page that shows the SMS sent and "sends" one to the desk as any demo
 * user (or an unknown number) through the real inbound webhook.
 */
@org.jspecify.annotations.NullMarked
package org.guichet.demo.sms;
