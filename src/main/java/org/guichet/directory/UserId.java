package org.guichet.directory;

public record UserId(long value) {
}
