package org.guichet.directory;

public enum SupportLevel {

	N1, N2, N3

}
