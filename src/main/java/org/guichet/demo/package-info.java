/**
 * The demo data set: a believable French organisation with its people, support groups, category
 * tree and four months of tickets, loaded on the first start of the {@code demo} profile.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
@org.jspecify.annotations.NullMarked
package org.guichet.demo;
