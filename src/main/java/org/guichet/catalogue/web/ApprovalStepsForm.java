package org.guichet.catalogue.web;

import java.util.ArrayList;
import java.util.List;

/** The administrators' editor of an item's approval steps: the steps as typed, in order, until saved. */
public class ApprovalStepsForm {

	private List<ApprovalStepForm> steps = new ArrayList<>();

	public List<ApprovalStepForm> getSteps() {
		return steps;
	}

	public void setSteps(List<ApprovalStepForm> steps) {
		this.steps = steps;
	}

}
