package org.guichet.catalogue.web;

import java.util.ArrayList;
import java.util.List;

/** The administrators' form editor: the fields as typed, in order, until saved. */
public class FormEditorForm {

	private List<FieldForm> fields = new ArrayList<>();

	public List<FieldForm> getFields() {
		return fields;
	}

	public void setFields(List<FieldForm> fields) {
		this.fields = fields;
	}

}
