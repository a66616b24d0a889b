/** The approvers' "To approve" page and the navigation bar's count. */
@org.jspecify.annotations.NullMarked
package org.guichet.approvals.web;
