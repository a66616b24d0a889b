package org.guichet.tickets.api;

import java.io.IOException;
import java.util.List;

import jakarta.validation.Valid;
import org.guichet.directory.CurrentUser;
import org.guichet.system.InvalidInputException;
import org.guichet.tickets.AttachmentFile;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.api.TicketRequests.NewComment;
import org.guichet.tickets.api.TicketRequests.NewTask;
import org.guichet.tickets.api.TicketRequests.TaskUpdate;
import org.guichet.tickets.api.TimelineJson.AttachmentJson;
import org.guichet.tickets.api.TimelineJson.CommentJson;
import org.guichet.tickets.api.TimelineJson.TaskJson;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A ticket's timeline: replies and internal notes, attached files, tasks. A requester never
 * receives internal notes or files, and the tasks answer 404 to them (see
 * {@link TicketManagement#internal}).
 */
@RestController
@RequestMapping(path = "/api/v1/tickets/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
class TicketTimelineApiController {

	private final TicketManagement tickets;

	private final ApiTransactions transactions;

	TicketTimelineApiController(TicketManagement tickets, ApiTransactions transactions) {
		this.tickets = tickets;
		this.transactions = transactions;
	}

	@GetMapping("/comments")
	@PreAuthorize("isAuthenticated()")
	List<CommentJson> comments(@PathVariable long id, @AuthenticationPrincipal CurrentUser by) {
		return transactions
			.read(() -> tickets.comments(new TicketId(id), by).stream().map(CommentJson::of).toList());
	}

	/** A public reply, or an internal note (IT team only: 403 for a requester). */
	@PostMapping(path = "/comments", consumes = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("isAuthenticated()")
	ResponseEntity<CommentJson> comment(@PathVariable long id, @Valid @RequestBody NewComment request,
			@AuthenticationPrincipal CurrentUser by) {
		CommentJson comment = transactions.write(
				() -> tickets.comment(new TicketId(id), request.body(), request.isInternal(), by), CommentJson::of);
		return ResponseEntity.status(HttpStatus.CREATED).body(comment);
	}

	@GetMapping("/attachments")
	@PreAuthorize("isAuthenticated()")
	List<AttachmentJson> attachments(@PathVariable long id, @AuthenticationPrincipal CurrentUser by) {
		return transactions
			.read(() -> tickets.view(new TicketId(id), by).attachments().stream().map(AttachmentJson::of).toList());
	}

	@PostMapping(path = "/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("isAuthenticated()")
	ResponseEntity<AttachmentJson> attach(@PathVariable long id, @RequestParam("file") MultipartFile file,
			@RequestParam(name = "internal", defaultValue = "false") boolean internal,
			@AuthenticationPrincipal CurrentUser by) {
		byte[] content = bytesOf(file);
		String fileName = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
		String contentType = file.getContentType() == null ? "" : file.getContentType();
		AttachmentJson attachment = transactions.write(
				() -> tickets.attach(new TicketId(id), fileName, contentType, content, internal, by),
				AttachmentJson::of);
		return ResponseEntity
			.created(ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{attachmentId}").build(attachment.id()))
			.body(attachment);
	}

	/**
	 * The file's bytes. Only types a browser shows harmlessly are served as themselves; any
	 * other file is a download of type {@code application/octet-stream}.
	 */
	@GetMapping(path = "/attachments/{attachmentId}", produces = MediaType.ALL_VALUE)
	@PreAuthorize("isAuthenticated()")
	ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long attachmentId,
			@AuthenticationPrincipal CurrentUser by) {
		AttachmentFile file = tickets.download(new TicketId(id), attachmentId, by);
		return ResponseEntity.ok().headers(file.headers()).body(file.content());
	}

	/** Tasks are the IT team's own work: 404 for anyone else, as for every internal part. */
	@GetMapping("/tasks")
	@PreAuthorize("isAuthenticated()")
	List<TaskJson> tasks(@PathVariable long id, @AuthenticationPrincipal CurrentUser by) {
		return transactions.read(() -> tickets.tasks(new TicketId(id), by).stream().map(TaskJson::of).toList());
	}

	@PostMapping(path = "/tasks", consumes = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("isAuthenticated()")
	ResponseEntity<TaskJson> addTask(@PathVariable long id, @Valid @RequestBody NewTask request,
			@AuthenticationPrincipal CurrentUser by) {
		TaskJson task = transactions.write(() -> tickets.addTask(new TicketId(id), request.title(),
				request.assigneeId(), request.plannedMinutes(), by), TaskJson::of);
		return ResponseEntity.status(HttpStatus.CREATED).body(task);
	}

	@PatchMapping(path = "/tasks/{taskId}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("isAuthenticated()")
	TaskJson updateTask(@PathVariable long id, @PathVariable long taskId, @Valid @RequestBody TaskUpdate request,
			@AuthenticationPrincipal CurrentUser by) {
		return transactions.write(
				() -> tickets.updateTask(new TicketId(id), taskId, request.status(), request.actualMinutes(), by),
				TaskJson::of);
	}

	private static byte[] bytesOf(MultipartFile file) {
		try {
			return file.getBytes();
		}
		catch (IOException ex) {
			throw new InvalidInputException("file", "attachment.unreadable", "The file could not be read");
		}
	}

}
