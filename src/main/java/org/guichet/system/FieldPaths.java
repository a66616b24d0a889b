package org.guichet.system;

/**
 * The one spelling of a field's path in a refusal of the API, as most APIs give it:
 * {@code approvalSteps[1].kind} (a member after a dot, an element's index in brackets, the first
 * member without a dot).
 */
public final class FieldPaths {

	private FieldPaths() {
	}

	/**
	 * @param parent the path of the object, empty for the body itself
	 * @param name the member's JSON name
	 * @return e.g. {@code approvalSteps[1].kind}, or {@code name} alone under the body
	 */
	public static String member(String parent, String name) {
		return parent.isEmpty() ? name : parent + "." + name;
	}

	/**
	 * @param parent the path of the list, e.g. {@code targets}
	 * @param index the element's index, from 0
	 * @return e.g. {@code targets[0]}
	 */
	public static String element(String parent, int index) {
		return parent + "[" + index + "]";
	}

}
