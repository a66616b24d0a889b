package org.guichet.presentation.flowchart;

/** The actor who carries out a node, one swimlane each, in the order the lanes are drawn. */
public enum Lane {

	REQUESTER, FIRST_LEVEL, UPPER_LEVELS, SYSTEM

}
