package org.guichet.catalogue;

import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.guichet.system.InputChecks;
import org.guichet.system.InvalidInputException;

/** A section of the catalogue, grouping items under a heading, in the administrators' order. */
@Entity
@Table(name = "catalogue_section")
public class CatalogueSection {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "label_fr")
	private String labelFr;

	@Column(name = "label_en")
	private String labelEn;

	private int position;

	@Version
	private long version;

	protected CatalogueSection() {
		this.id = 0L;
		this.labelFr = "";
		this.labelEn = "";
	}

	/** @throws InvalidInputException when a label is blank or longer than 200 characters */
	public CatalogueSection(String labelFr, String labelEn, int position) {
		this.id = null;
		this.labelFr = "";
		this.labelEn = "";
		rename(labelFr, labelEn);
		this.position = position;
	}

	/** @throws InvalidInputException when a label is blank or longer than 200 characters */
	public void rename(String labelFr, String labelEn) {
		InputChecks checks = new InputChecks();
		checks.check(() -> CatalogueItem.checkedLabel("labelFr", labelFr, 200));
		checks.check(() -> CatalogueItem.checkedLabel("labelEn", labelEn, 200));
		checks.refuseIfAny();
		this.labelFr = labelFr.strip();
		this.labelEn = labelEn.strip();
	}

	public long getId() {
		return id;
	}

	public String label(Locale reader) {
		return "fr".equals(reader.getLanguage()) ? labelFr : labelEn;
	}

	public String getLabelFr() {
		return labelFr;
	}

	public String getLabelEn() {
		return labelEn;
	}

	public int getPosition() {
		return position;
	}

	public void moveTo(int position) {
		this.position = position;
	}

}
