package org.guichet.sla;

/**
 * An SLA policy is about to be deleted. Published inside the deleting transaction: a module
 * that still refers to the policy vetoes the deletion by throwing a
 * {@link org.guichet.system.ConflictException} that names what refers to it.
 */
public record SlaPolicyDeleting(long policyId, String name) {
}
