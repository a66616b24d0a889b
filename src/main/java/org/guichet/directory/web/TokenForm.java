package org.guichet.directory.web;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.guichet.directory.TokenScope;
import org.guichet.system.OneLine;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** A new personal API token as its owner asks for it: read-only unless they ask for full access. */
class TokenForm {

	@NotBlank
	@Size(max = 120)
	@OneLine
	private @Nullable String name;

	@NotNull
	private @Nullable TokenScope scope = TokenScope.READ_ONLY;

	/** The last day it is accepted (through that whole day, in the desk's time zone); null for no expiry. */
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private @Nullable LocalDate expiresOn;

	public @Nullable String getName() {
		return name;
	}

	public void setName(@Nullable String name) {
		this.name = name;
	}

	public @Nullable TokenScope getScope() {
		return scope;
	}

	public void setScope(@Nullable TokenScope scope) {
		this.scope = scope;
	}

	public @Nullable LocalDate getExpiresOn() {
		return expiresOn;
	}

	public void setExpiresOn(@Nullable LocalDate expiresOn) {
		this.expiresOn = expiresOn;
	}

}
