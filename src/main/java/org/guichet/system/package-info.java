/**
 * What every module shares: the time source, the domain error types and how they reach people
 * (problem+json for the API, localised messages for the UI), and the page layout.
 */
@org.springframework.modulith.ApplicationModule(displayName = "System", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
@org.jspecify.annotations.NullMarked
package org.guichet.system;
