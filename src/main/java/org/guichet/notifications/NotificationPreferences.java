package org.guichet.notifications;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.guichet.system.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is told what on which channel (docs/MAIL.md#preferences): the administrators' defaults per
 * event and channel ({@code notification_default}, a row only where they differ from the built-in
 * default) and each person's own choices ({@code notification_preference}, a row only where they
 * differ from the default when saved). {@link Notifications} applies them, for both channels, in one
 * place and with one query per event told to a set of people ({@link #reach}).
 */
@Service
@Transactional
public class NotificationPreferences {

	private final JdbcClient jdbc;

	NotificationPreferences(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An event on a channel: a cell of the preferences table. */
	public record Cell(NotificationEvent event, NotificationChannel channel) {
	}

	/**
	 * One cell as a person sees it.
	 *
	 * @param defaultOn the default (the administrators', else the built-in one)
	 * @param own the person's choice, null when they follow the default
	 * @param enabled whether the event reaches them on that channel
	 */
	public record Preference(NotificationEvent event, NotificationChannel channel, boolean offered, boolean always,
			boolean defaultOn, @Nullable Boolean own, boolean enabled) {
	}

	/**
	 * Who of these people an event reaches on each channel: one query, whatever their number.
	 *
	 * @return each person's channels (empty for a person the event reaches nowhere)
	 */
	@Transactional(readOnly = true)
	public Map<Long, Set<NotificationChannel>> reach(NotificationEvent event, Collection<Long> userIds) {
		Map<Long, Set<NotificationChannel>> reach = new HashMap<>();
		if (userIds.isEmpty()) {
			return reach;
		}
		Map<NotificationChannel, Boolean> defaults = new HashMap<>();
		Map<Long, Map<NotificationChannel, Boolean>> own = new HashMap<>();
		jdbc.sql("select user_id, channel, enabled from notification_preference where event = :event and user_id in (:ids)"
				+ " union all select cast(null as bigint), channel, enabled from notification_default where event = :event")
			.param("event", event.name())
			.param("ids", List.copyOf(userIds))
			.query(row -> {
				long userId = row.getLong(1);
				boolean isDefault = row.wasNull();
				NotificationChannel channel = NotificationChannel.valueOf(row.getString(2));
				boolean enabled = row.getBoolean(3);
				if (isDefault) {
					defaults.put(channel, enabled);
				}
				else {
					own.computeIfAbsent(userId, id -> new HashMap<>()).put(channel, enabled);
				}
			});
		for (Long userId : userIds) {
			Map<NotificationChannel, Boolean> choices = own.getOrDefault(userId, Map.of());
			Set<NotificationChannel> channels = EnumSet.noneOf(NotificationChannel.class);
			for (NotificationChannel channel : NotificationChannel.values()) {
				if (event.reaches(channel, defaults.get(channel), choices.get(channel))) {
					channels.add(channel);
				}
			}
			reach.put(userId, channels);
		}
		return reach;
	}

	/** Every event and channel with the default people get, for the administrators' page. */
	@Transactional(readOnly = true)
	public List<Preference> defaults() {
		return table(adminDefaults(), Map.of(), Arrays.asList(NotificationEvent.values()));
	}

	/**
	 * Sets the default of an event on a channel for everyone who did not choose otherwise.
	 *
	 * @throws InvalidInputException field {@code channel} when the event does not use that channel or
	 *         always uses it ({@code notification.preference.fixed})
	 */
	public void setDefault(Cell cell, boolean enabled) {
		requireChoosable(cell);
		jdbc.sql("delete from notification_default where event = :event and channel = :channel")
			.param("event", cell.event().name())
			.param("channel", cell.channel().name())
			.update();
		if (enabled != cell.event().onByDefault(cell.channel())) {
			jdbc.sql("insert into notification_default (event, channel, enabled) values (:event, :channel, :enabled)")
				.param("event", cell.event().name())
				.param("channel", cell.channel().name())
				.param("enabled", enabled)
				.update();
		}
	}

	/**
	 * A person's table: the events offered to them (to agents, theirs too) on each channel.
	 *
	 * @param agent whether the person is a member of the IT team
	 */
	@Transactional(readOnly = true)
	public List<Preference> of(long userId, boolean agent) {
		Map<Cell, Boolean> own = new HashMap<>();
		jdbc.sql("select event, channel, enabled from notification_preference where user_id = :id")
			.param("id", userId)
			.query(row -> {
				boolean enabled = row.getBoolean(3);
				cell(row.getString(1), row.getString(2)).ifPresent(cell -> own.put(cell, enabled));
			});
		return table(adminDefaults(), own, offeredTo(agent));
	}

	/** The events offered to a person: the requesters' to everyone, the agents' to agents. */
	public static List<NotificationEvent> offeredTo(boolean agent) {
		return Arrays.stream(NotificationEvent.values())
			.filter(event -> agent || event.audience() == NotificationEvent.Audience.EVERYONE)
			.toList();
	}

	/**
	 * Records a person's choice for an event on a channel; a choice equal to the default, or null,
	 * is no row: the person follows the default, and its later changes.
	 *
	 * @param agent whether the person is a member of the IT team (the agents' events are theirs only)
	 * @throws InvalidInputException field {@code event} ({@code notification.preference.not-offered})
	 *         for an agents' event chosen by a requester; field {@code channel}
	 *         ({@code notification.preference.fixed}) for a channel the event does not use or always uses
	 */
	public void choose(long userId, boolean agent, Cell cell, @Nullable Boolean enabled) {
		if (!offeredTo(agent).contains(cell.event())) {
			throw new InvalidInputException("event", "notification.preference.not-offered",
					"This event is told to members of the IT team only: choose among the events your profile lists",
					cell.event().name());
		}
		requireChoosable(cell);
		jdbc.sql("delete from notification_preference where user_id = :id and event = :event and channel = :channel")
			.param("id", userId)
			.param("event", cell.event().name())
			.param("channel", cell.channel().name())
			.update();
		if (enabled != null && enabled != cell.event().defaultOn(cell.channel(), adminDefaults().get(cell))) {
			jdbc.sql("insert into notification_preference (user_id, event, channel, enabled) values (:id, :event, :channel, :enabled)")
				.param("id", userId)
				.param("event", cell.event().name())
				.param("channel", cell.channel().name())
				.param("enabled", enabled)
				.update();
		}
	}

	/**
	 * Records a person's choices, all or none.
	 *
	 * @param choices each cell's choice, null to follow the default
	 * @throws InvalidInputException as {@link #choose(long, boolean, Cell, Boolean)}: nothing is saved
	 */
	public void choose(long userId, boolean agent, Map<Cell, @Nullable Boolean> choices) {
		choices.forEach((cell, enabled) -> choose(userId, agent, cell, enabled));
	}

	/**
	 * Sets several defaults, all or none.
	 *
	 * @throws InvalidInputException as {@link #setDefault}: nothing is saved
	 */
	public void setDefaults(Map<Cell, Boolean> defaults) {
		defaults.forEach(this::setDefault);
	}

	private static void requireChoosable(Cell cell) {
		if (!cell.event().choosable(cell.channel())) {
			throw new InvalidInputException("channel", "notification.preference.fixed",
					"This event always reaches people on this channel, or never uses it: there is nothing to choose",
					cell.event().name(), cell.channel().name());
		}
	}

	private Map<Cell, Boolean> adminDefaults() {
		Map<Cell, Boolean> defaults = new HashMap<>();
		jdbc.sql("select event, channel, enabled from notification_default").query(row -> {
			boolean enabled = row.getBoolean(3);
			cell(row.getString(1), row.getString(2)).ifPresent(cell -> defaults.put(cell, enabled));
		});
		return defaults;
	}

	private static List<Preference> table(Map<Cell, Boolean> defaults, Map<Cell, Boolean> own,
			List<NotificationEvent> events) {
		return events.stream()
			.flatMap(event -> Arrays.stream(NotificationChannel.values()).map(channel -> {
				Cell cell = new Cell(event, channel);
				Boolean choice = event.choosable(channel) ? own.get(cell) : null;
				return new Preference(event, channel, event.offers(channel), event.always(channel),
						event.defaultOn(channel, defaults.get(cell)), choice,
						event.reaches(channel, defaults.get(cell), choice));
			}))
			.toList();
	}

	/** A stored cell, or nothing for an event or channel this version no longer knows. */
	private static Optional<Cell> cell(String event, String channel) {
		try {
			return Optional.of(new Cell(NotificationEvent.valueOf(event), NotificationChannel.valueOf(channel)));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
