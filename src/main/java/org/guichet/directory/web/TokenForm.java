package org.guichet.directory.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

class TokenForm {

	@NotBlank
	@Size(max = 120)
	private @Nullable String name;

	public @Nullable String getName() {
		return name;
	}

	public void setName(@Nullable String name) {
		this.name = name;
	}

}
