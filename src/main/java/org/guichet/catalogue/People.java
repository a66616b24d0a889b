package org.guichet.catalogue;

/** Who a user field of a form may name: the active people of the directory. */
public interface People {

	/** Whether there is an active user with this id. */
	boolean isActive(long userId);

}
