package org.guichet.directory;

import java.time.Instant;
import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * A person known to the service desk: a requester, or an agent of the IT team.
 */
@Entity
@Table(name = "app_user")
@EntityListeners(AccessChangedListener.class)
public class User {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private String username;

	private String passwordHash;

	private String fullName;

	private @Nullable String email;

	private @Nullable String phone;

	private @Nullable String department;

	private @Nullable String location;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "manager_id")
	private @Nullable User manager;

	private boolean vip;

	private @Nullable String language;

	@Enumerated(EnumType.STRING)
	private Role role;

	private boolean active = true;

	/** The role or the activity changed in this transaction, not yet written. */
	@Transient
	private boolean accessChanged;

	private @Nullable Instant emailBouncedAt;

	private @Nullable String emailBounceReason;

	@Column(updatable = false)
	private Instant createdAt;

	@Version
	private long version;

	protected User() {
		this.username = "";
		this.passwordHash = "";
		this.fullName = "";
		this.role = Role.REQUESTER;
		this.createdAt = Instant.EPOCH;
	}

	public User(String username, String passwordHash, String fullName, Role role, Instant createdAt) {
		this.username = username;
		this.passwordHash = passwordHash;
		this.fullName = fullName;
		this.role = role;
		this.createdAt = createdAt;
	}

	public UserId id() {
		if (id == null) {
			throw new IllegalStateException("User " + username + " is not saved yet");
		}
		return new UserId(id);
	}

	public @Nullable Long getId() {
		return id;
	}

	public String getUsername() {
		return username;
	}

	public String getPasswordHash() {
		return passwordHash;
	}

	public void changePasswordHash(String passwordHash) {
		this.passwordHash = passwordHash;
	}

	public String getFullName() {
		return fullName;
	}

	public void setFullName(String fullName) {
		this.fullName = fullName;
	}

	public @Nullable String getEmail() {
		return email;
	}

	/** Changes the address; a different address forgets that the former one bounced. */
	public void setEmail(@Nullable String email) {
		if (!java.util.Objects.equals(this.email, email)) {
			emailBouncedAt = null;
			emailBounceReason = null;
		}
		this.email = email;
	}

	/** When a mail to this person's address last bounced, or null when it never did (or the address changed since). */
	public @Nullable Instant getEmailBouncedAt() {
		return emailBouncedAt;
	}

	/** What the last bounce said (e.g. {@code 550 5.1.1 User unknown}), or null. */
	public @Nullable String getEmailBounceReason() {
		return emailBounceReason;
	}

	/**
	 * Records that a mail to this person's address could not be delivered.
	 *
	 * @param reason what the bounce said, cut to 500 characters
	 */
	public void flagBouncedEmail(String reason, Instant at) {
		emailBouncedAt = at;
		emailBounceReason = reason.length() > 500 ? reason.substring(0, 500) : reason;
	}

	public @Nullable String getPhone() {
		return phone;
	}

	public void setPhone(@Nullable String phone) {
		this.phone = phone;
	}

	public @Nullable String getDepartment() {
		return department;
	}

	public void setDepartment(@Nullable String department) {
		this.department = department;
	}

	public @Nullable String getLocation() {
		return location;
	}

	public void setLocation(@Nullable String location) {
		this.location = location;
	}

	public @Nullable User getManager() {
		return manager;
	}

	public void setManager(@Nullable User manager) {
		this.manager = manager;
	}

	public boolean isVip() {
		return vip;
	}

	public void setVip(boolean vip) {
		this.vip = vip;
	}

	public @Nullable String getLanguage() {
		return language;
	}

	public @Nullable Locale locale() {
		return language == null ? null : Locale.forLanguageTag(language);
	}

	public void setLanguage(@Nullable String language) {
		this.language = language;
	}

	public Role getRole() {
		return role;
	}

	/** A new role takes effect at once: the person's open sessions end ({@link AccessChanged}). */
	public void setRole(Role role) {
		accessChanged |= this.role != null && this.role != role;
		this.role = role;
	}

	public boolean isActive() {
		return active;
	}

	/** Deactivated, or active again: the person's open sessions end ({@link AccessChanged}). */
	public void setActive(boolean active) {
		accessChanged |= this.active != active;
		this.active = active;
	}

	/**
	 * Whether the role or the activity changed since the last call, which forgets it: once per
	 * change, when Hibernate writes it ({@link AccessChangedListener}).
	 */
	boolean takeAccessChanged() {
		boolean changed = accessChanged;
		accessChanged = false;
		return changed;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public long getVersion() {
		return version;
	}

}
