/**
 * Presenting the service desk: the lifecycle flowchart (logigramme) drawn from the live
 * configuration of the other modules, read through their public API. Nothing depends on this
 * module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Presentation")
@org.jspecify.annotations.NullMarked
package org.guichet.presentation;
