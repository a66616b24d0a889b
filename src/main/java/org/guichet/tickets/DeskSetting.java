package org.guichet.tickets;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
class DeskSetting {

	@Id
	private String name;

	@Column(name = "setting_value")
	private String value;

	protected DeskSetting() {
		this.name = "";
		this.value = "";
	}

	DeskSetting(String name, String value) {
		this.name = name;
		this.value = value;
	}

	String value() {
		return value;
	}

	void change(String newValue) {
		this.value = newValue;
	}

}
