package org.guichet.catalogue;

import java.util.List;
import java.util.Map;

import org.guichet.tickets.Channel;
import org.jspecify.annotations.Nullable;

/**
 * A request filed through a catalogue item.
 *
 * @param answers by field key, each a list of values (one but for a multiple choice); a key not
 *        sent takes the field's default. An attachment field's answer comes from {@code files}
 * @param requesterId who the request is for; null for the person filing. The IT team files for anyone,
 *        a manager for their direct reports when allowed ({@link OnBehalf})
 * @param channel {@link Channel#PORTAL} from the pages, {@link Channel#API} from the API
 * @param files the files sent for attachment fields
 */
public record Filing(Map<String, List<String>> answers, @Nullable Long requesterId, Channel channel,
		List<FiledFile> files) {

	public Filing {
		answers = Map.copyOf(answers);
		files = List.copyOf(files);
	}

	/**
	 * A file sent for an attachment field.
	 *
	 * @param fieldKey the attachment field's key
	 */
	public record FiledFile(String fieldKey, String fileName, String contentType, byte[] content) {
	}

}
