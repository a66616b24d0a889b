package org.guichet.webhooks.web;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;

import org.guichet.webhooks.Webhook;
import org.guichet.webhooks.WebhookDefinition;
import org.guichet.webhooks.WebhookEvent;

/** The webhook form as typed; the secret is never filled back. */
public class WebhookForm {

	private String name = "";

	private String url = "";

	private String secret = "";

	private boolean active = true;

	private Set<WebhookEvent> events = EnumSet.noneOf(WebhookEvent.class);

	private Set<Long> groupIds = new LinkedHashSet<>();

	private Set<Long> categoryIds = new LinkedHashSet<>();

	/** A new webhook's form: active, told of new tickets. */
	static WebhookForm blank() {
		WebhookForm form = new WebhookForm();
		form.events = EnumSet.of(WebhookEvent.TICKET_CREATED);
		return form;
	}

	static WebhookForm of(Webhook webhook) {
		WebhookForm form = new WebhookForm();
		form.name = webhook.name();
		form.url = webhook.url();
		form.active = webhook.active();
		form.events = webhook.events().isEmpty() ? EnumSet.noneOf(WebhookEvent.class) : EnumSet.copyOf(webhook.events());
		form.groupIds = new LinkedHashSet<>(webhook.groupIds());
		form.categoryIds = new LinkedHashSet<>(webhook.categoryIds());
		return form;
	}

	WebhookDefinition definition() {
		return new WebhookDefinition(name, url, secret, events, active, groupIds, categoryIds);
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name == null ? "" : name;
	}

	public String getUrl() {
		return url;
	}

	public void setUrl(String url) {
		this.url = url == null ? "" : url;
	}

	public String getSecret() {
		return secret;
	}

	public void setSecret(String secret) {
		this.secret = secret == null ? "" : secret;
	}

	public boolean isActive() {
		return active;
	}

	public void setActive(boolean active) {
		this.active = active;
	}

	public Set<WebhookEvent> getEvents() {
		return events;
	}

	public void setEvents(Set<WebhookEvent> events) {
		this.events = events == null ? EnumSet.noneOf(WebhookEvent.class) : events;
	}

	public Set<Long> getGroupIds() {
		return groupIds;
	}

	public void setGroupIds(Set<Long> groupIds) {
		this.groupIds = groupIds == null ? new LinkedHashSet<>() : groupIds;
	}

	public Set<Long> getCategoryIds() {
		return categoryIds;
	}

	public void setCategoryIds(Set<Long> categoryIds) {
		this.categoryIds = categoryIds == null ? new LinkedHashSet<>() : categoryIds;
	}

}
