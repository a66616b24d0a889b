package org.guichet.assist;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reciprocal rank fusion (Cormack, Clarke and Büttcher, SIGIR 2009): several rankings of the
 * same documents merged into one by their ranks alone, never by their scores (a BM25 score and a
 * cosine cannot be added). A document scores {@code Σ 1 / (k + rank)} over the rankings that hold
 * it, its rank counted from 1; one absent from a ranking gets nothing from it. With {@code k = 60}
 * (the paper's), a document second in both rankings comes before one first in one and absent from
 * the other.
 */
public final class RankFusion {

	/** The paper's constant: how much the first ranks weigh over the following. */
	public static final int K = 60;

	/**
	 * One document of the merged ranking.
	 *
	 * @param id the document's id
	 * @param score its fused score, above 0
	 */
	public record Fused(long id, double score) {
	}

	private RankFusion() {
	}

	/**
	 * The rankings merged, best first; on equal scores, the document met first (the first
	 * ranking's order, then the next's) comes first.
	 *
	 * @param rankings the ids best first, each ranking without repetition (a repeated id counts at
	 * its first rank); any may be empty
	 * @return every id of the rankings once
	 */
	public static List<Fused> fuse(List<List<Long>> rankings) {
		Map<Long, Double> scores = new LinkedHashMap<>();
		for (List<Long> ranking : rankings) {
			Set<Long> seen = new HashSet<>();
			for (Long id : ranking) {
				if (seen.add(id)) {
					scores.merge(id, 1.0 / (K + seen.size()), Double::sum);
				}
			}
		}
		List<Fused> fused = new ArrayList<>();
		scores.forEach((id, score) -> fused.add(new Fused(id, score)));
		// a stable sort keeps the order met on equal scores
		fused.sort(Comparator.comparingDouble(Fused::score).reversed());
		return fused;
	}

}
