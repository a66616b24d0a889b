package org.guichet.tickets.api;

import java.time.Instant;

import org.guichet.tickets.Attachment;
import org.guichet.tickets.Comment;
import org.guichet.tickets.HistoryEntry;
import org.guichet.tickets.Task;
import org.guichet.tickets.TaskStatus;
import org.jspecify.annotations.Nullable;

/** The parts of a ticket's timeline, as the API shows them. */
final class TimelineJson {

	private TimelineJson() {
	}

	/** @param mergedFrom the number ({@code #N}) of the duplicate it was written on; null when written here */
	record CommentJson(long id, PersonJson author, String body, boolean internal, Instant createdAt,
			@Nullable String mergedFrom) {

		static CommentJson of(Comment comment) {
			return new CommentJson(idOf(comment.getId()), PersonJson.of(comment.getAuthor()), comment.getBody(),
					comment.isInternal(), comment.getCreatedAt(), comment.getMergedFromNumber());
		}

	}

	record HistoryJson(Instant at, @Nullable PersonJson actor, String field, @Nullable String oldValue,
			@Nullable String newValue) {

		static HistoryJson of(HistoryEntry entry) {
			return new HistoryJson(entry.getAt(), PersonJson.ofNullable(entry.getActor()), entry.getField(),
					entry.getOldValue(), entry.getNewValue());
		}

	}

	/** @param mergedFrom the number ({@code #N}) of the duplicate it was added to; null when added here */
	record AttachmentJson(long id, String fileName, String contentType, long size, boolean internal,
			PersonJson uploadedBy, Instant createdAt, @Nullable String mergedFrom) {

		static AttachmentJson of(Attachment attachment) {
			return new AttachmentJson(idOf(attachment.getId()), attachment.getFileName(), attachment.getContentType(),
					attachment.getSizeBytes(), attachment.isInternal(), PersonJson.of(attachment.getUploadedBy()),
					attachment.getCreatedAt(), attachment.getMergedFromNumber());
		}

	}

	record TaskJson(long id, String title, @Nullable PersonJson assignee, TaskStatus status,
			@Nullable Integer plannedMinutes, @Nullable Integer actualMinutes, Instant createdAt) {

		static TaskJson of(Task task) {
			return new TaskJson(idOf(task.getId()), task.getTitle(), PersonJson.ofNullable(task.getAssignee()),
					task.getStatus(), task.getPlannedMinutes(), task.getActualMinutes(), task.getCreatedAt());
		}

	}

	private static long idOf(@Nullable Long id) {
		if (id == null) {
			throw new IllegalStateException("not saved yet");
		}
		return id;
	}

}
