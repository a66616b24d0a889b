package org.guichet.directory.web;

import java.util.ArrayList;
import java.util.List;

import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportGroups;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.jspecify.annotations.Nullable;

/** What the administrator types about a support group. */
class GroupForm {

	private @Nullable String name;

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

	/** What was typed, for {@link org.guichet.directory.SupportGroups}, which checks it. */
	SupportGroups.GroupDetails details() {
		return new SupportGroups.GroupDetails(name, level, memberIds);
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
