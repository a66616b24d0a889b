package org.guichet.tickets.web;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.guichet.directory.CurrentUser;
import org.guichet.system.DomainException;
import org.guichet.tickets.Attachment;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Attaches the optional file sent with a form, after the ticket or reply it goes with was saved.
 */
@Component
class FileUploads {

	private final TicketManagement tickets;

	FileUploads(TicketManagement tickets) {
		this.tickets = tickets;
	}

	/**
	 * Refuses a file too large to attach, before what it comes with is saved, so that the form
	 * comes back with its text and the error. No file, or an empty file input, passes.
	 * @throws org.guichet.system.InvalidInputException (field {@code file}) when over the limit
	 */
	void checkSize(@Nullable MultipartFile file) {
		if (file != null && !file.isEmpty()) {
			Attachment.checkSize(file.getSize());
		}
	}

	/**
	 * @return false when a file was sent but refused (empty name, too large): what it came with
	 * is saved already, so the caller says the file is missing rather than ask for everything again
	 */
	boolean attach(TicketId id, @Nullable MultipartFile file, boolean internal, CurrentUser by) {
		if (file == null || file.isEmpty()) {
			return true;
		}
		if (!Attachment.hasName(file.getOriginalFilename())) {
			// refused before the ticket is touched: the transaction the caller may hold stays committable
			return false;
		}
		try {
			tickets.attach(id, String.valueOf(file.getOriginalFilename()), String.valueOf(file.getContentType()),
					file.getBytes(), internal, by);
			return true;
		}
		catch (DomainException ex) {
			return false;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
