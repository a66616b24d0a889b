package org.guichet.tickets;

public enum Channel {

	PHONE, EMAIL, SMS, PORTAL, CHAT, API

}
