package org.guichet.tickets.web;

import java.lang.reflect.RecordComponent;
import java.util.Properties;

import org.guichet.testing.Bundles;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A refused bulk action names the field at fault in the words of the form, in both languages. */
class BulkActionsTests {

	@Test
	void everyFieldOfTheBulkFormHasALabelInFrenchAndEnglish() {
		Properties english = Bundles.of("");
		Properties french = Bundles.of("_fr");
		for (RecordComponent field : BulkForm.class.getRecordComponents()) {
			assertThat(BulkActions.FIELD_LABELS).as("label of %s", field.getName()).containsKey(field.getName());
		}
		assertThat(BulkActions.FIELD_LABELS.values()).allSatisfy(key -> {
			assertThat(english).containsKey(key);
			assertThat(french).containsKey(key);
		});
	}

}
