/**
 * Running Guichet: the health probes a load balancer or Kubernetes asks, and the Prometheus
 * metrics (the desk's backlog, SLA breaches, tickets created, with Spring Boot's HTTP and JVM
 * metrics), with the rule of who may read them. See {@code docs/OPERATIONS.md}. Nothing depends
 * on this module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Operations")
@org.jspecify.annotations.NullMarked
package org.guichet.operations;
