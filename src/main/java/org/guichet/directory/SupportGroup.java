package org.guichet.directory;

import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * A team of technicians at one support level, to which tickets are assigned.
 */
@Entity
public class SupportGroup {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private String name;

	@Enumerated(EnumType.STRING)
	private SupportLevel level;

	@ManyToMany
	@JoinTable(name = "group_member", joinColumns = @JoinColumn(name = "group_id"),
			inverseJoinColumns = @JoinColumn(name = "user_id"))
	private Set<User> members = new LinkedHashSet<>();

	@Version
	private long version;

	protected SupportGroup() {
		this.name = "";
		this.level = SupportLevel.N1;
	}

	public SupportGroup(String name, SupportLevel level) {
		this.name = name;
		this.level = level;
	}

	public @Nullable Long getId() {
		return id;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public SupportLevel getLevel() {
		return level;
	}

	public void setLevel(SupportLevel level) {
		this.level = level;
	}

	public Set<User> getMembers() {
		return members;
	}

	public boolean hasMember(long userId) {
		return members.stream().anyMatch(m -> m.getId() != null && m.getId() == userId);
	}

	public long getVersion() {
		return version;
	}

}
