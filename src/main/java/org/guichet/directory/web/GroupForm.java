package org.guichet.directory.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.jspecify.annotations.Nullable;

class GroupForm {

	@NotBlank
	@Size(max = 120)
	private @Nullable String name;

	@NotNull
	private @Nullable SupportLevel level = SupportLevel.N1;

	private List<Long> memberIds = new ArrayList<>();

	private long version;

	static GroupForm of(SupportGroup group) {
		GroupForm form = new GroupForm();
		form.name = group.getName();
		form.level = group.getLevel();
		form.memberIds = group.getMembers().stream().map(User::getId).toList();
		form.version = group.getVersion();
		return form;
	}

	void applyTo(SupportGroup group, List<User> members) {
		group.setName(name.trim());
		group.setLevel(level);
		group.getMembers().clear();
		group.getMembers().addAll(members);
	}

	public @Nullable String getName() {
		return name;
	}

	public void setName(@Nullable String name) {
		this.name = name;
	}

	public @Nullable SupportLevel getLevel() {
		return level;
	}

	public void setLevel(@Nullable SupportLevel level) {
		this.level = level;
	}

	public List<Long> getMemberIds() {
		return memberIds;
	}

	public void setMemberIds(@Nullable List<Long> memberIds) {
		this.memberIds = memberIds == null ? new ArrayList<>() : memberIds;
	}

	public long getVersion() {
		return version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
