package org.guichet.tickets;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * A node of the category tree (workstation, printer, Wi-Fi…), managed by the administrator.
 */
@Entity
public class Category {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "parent_id")
	private @Nullable Category parent;

	private String name;

	private boolean active = true;

	@Version
	private long version;

	protected Category() {
		this.name = "";
	}

	public Category(String name, @Nullable Category parent) {
		this.name = name;
		this.parent = parent;
	}

	public @Nullable Long getId() {
		return id;
	}

	public @Nullable Category getParent() {
		return parent;
	}

	public void setParent(@Nullable Category parent) {
		this.parent = parent;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public boolean isActive() {
		return active;
	}

	public void setActive(boolean active) {
		this.active = active;
	}

	/** "Printer › Paper jam" for a sub-category, the name alone for a root. */
	public String getPath() {
		return parent == null ? name : parent.getPath() + " › " + name;
	}

	public long getVersion() {
		return version;
	}

}
