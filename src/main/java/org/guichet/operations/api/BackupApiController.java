package org.guichet.operations.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import org.guichet.operations.OnlineBackup;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Online copies of the embedded H2 database for administrators (an operator's cron job calls it
 * with an API token): take one now, list those taken. See {@link OnlineBackup} and
 * {@code docs/DEPLOYMENT.md}.
 */
@RestController
@RequestMapping(path = "/api/v1/admin/backups", produces = MediaType.APPLICATION_JSON_VALUE)
@PreAuthorize("hasRole('ADMINISTRATOR')")
class BackupApiController {

	private final OnlineBackup backups;

	BackupApiController(OnlineBackup backups) {
		this.backups = backups;
	}

	@PostMapping
	@Operation(summary = "Copies the embedded H2 database now, while Guichet serves (201 with the file); "
			+ "409 backup.not-embedded on PostgreSQL (use pg_dump), backup.running while a copy is taken")
	ResponseEntity<OnlineBackup.Backup> take() {
		return ResponseEntity.status(HttpStatus.CREATED).body(backups.take());
	}

	@GetMapping
	@Operation(summary = "The copies in guichet.backup.directory, newest first")
	List<OnlineBackup.Backup> list() {
		return backups.list();
	}

}
