package org.guichet.assist;

/**
 * One class a classifier proposes for a text, with how sure it is.
 *
 * @param label the class, as it was in the training set; not null
 * @param confidence the model's probability that this is the text's class, from 0 to 1; the
 * confidences of one text's classes add up to 1
 */
public record LabelScore(String label, double confidence) {
}
