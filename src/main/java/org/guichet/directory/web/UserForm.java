package org.guichet.directory.web;

import java.util.Collection;

import org.guichet.directory.Role;
import org.guichet.directory.User;
import org.guichet.directory.UserAdministration.UserDetails;
import org.jspecify.annotations.Nullable;

/**
 * What the administrator types about a user. The password is optional when editing: left blank,
 * the user keeps the current one. The rules are {@link org.guichet.directory.UserAdministration}'s.
 */
class UserForm {

	private @Nullable String username;

	private @Nullable String fullName;

	private @Nullable String email;

	private @Nullable String phone;

	private @Nullable String department;

	private @Nullable String location;

	private @Nullable Long managerId;

	private boolean vip;

	private @Nullable String language;

	private @Nullable Role role = Role.REQUESTER;

	private boolean active = true;

	private @Nullable String password;

	private long version;

	static UserForm of(User user) {
		UserForm form = new UserForm();
		form.username = user.getUsername();
		form.fullName = user.getFullName();
		form.email = user.getEmail();
		form.phone = user.getPhone();
		form.department = user.getDepartment();
		form.location = user.getLocation();
		form.managerId = user.getManager() == null ? null : user.getManager().getId();
		form.vip = user.isVip();
		form.language = user.getLanguage();
		form.role = user.getRole();
		form.active = user.isActive();
		form.version = user.getVersion();
		return form;
	}

	/** The typed values but the user name and password. */
	UserDetails details() {
		return new UserDetails(fullName, email, phone, department, location, managerId, vip, language, role, active);
	}

	/**
	 * Puts back the fields the account's origin owns, whatever was posted, and no password.
	 *
	 * @param owned as {@link org.guichet.directory.UserAdministration#ownedFields} names them
	 */
	void keepOwnedFields(User user, Collection<String> owned) {
		UserDetails kept = details().withOwnedFieldsOf(user, owned);
		fullName = kept.fullName();
		email = kept.email();
		phone = kept.phone();
		department = kept.department();
		location = kept.location();
		managerId = kept.managerId();
		language = kept.language();
		role = kept.role();
		password = null;
	}

	public @Nullable String getUsername() {
		return username;
	}

	public void setUsername(@Nullable String username) {
		this.username = username == null ? null : username.trim();
	}

	public @Nullable String getFullName() {
		return fullName;
	}

	public void setFullName(@Nullable String fullName) {
		this.fullName = fullName;
	}

	public @Nullable String getEmail() {
		return email;
	}

	public void setEmail(@Nullable String email) {
		this.email = email;
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

	public @Nullable Long getManagerId() {
		return managerId;
	}

	public void setManagerId(@Nullable Long managerId) {
		this.managerId = managerId;
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

	public void setLanguage(@Nullable String language) {
		this.language = language;
	}

	public @Nullable Role getRole() {
		return role;
	}

	public void setRole(@Nullable Role role) {
		this.role = role;
	}

	public boolean isActive() {
		return active;
	}

	public void setActive(boolean active) {
		this.active = active;
	}

	public @Nullable String getPassword() {
		return password;
	}

	public void setPassword(@Nullable String password) {
		this.password = password;
	}

	public long getVersion() {
		return version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
