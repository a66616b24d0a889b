/** The announcements' pages: the banner of every page, the managers' page, "me too" and hiding a banner. */
@org.jspecify.annotations.NullMarked
package org.guichet.announcements.web;
