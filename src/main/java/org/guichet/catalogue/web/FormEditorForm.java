package org.guichet.catalogue.web;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** The administrators' form editor: the fields as typed, in order, until saved. */
public class FormEditorForm {

	private List<FieldForm> fields = new ArrayList<>();

	private @Nullable String openedAs;

	public List<FieldForm> getFields() {
		return fields;
	}

	public void setFields(List<FieldForm> fields) {
		this.fields = fields;
	}

	/** The stamp of the form's version the editor was opened with ({@code FormVersion#stamp}); null when unknown. */
	public @Nullable String getOpenedAs() {
		return openedAs;
	}

	public void setOpenedAs(@Nullable String openedAs) {
		this.openedAs = openedAs;
	}

}
