package org.guichet.bench;

import java.io.IOException;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.guichet.assist.ClassifierEvaluation;
import org.guichet.assist.LabelScore;
import org.guichet.assist.LabelledText;
import org.guichet.assist.TriageClassifier;
import org.guichet.assist.TriageModel;

/**
 * The triage classifier's evaluation command (docs/ASSIST.md): trains on one CSV file and scores
 * on another ({@code --train FILE --test FILE}), or cross-validates on one file
 * ({@code --cv FILE}, stratified, {@code --folds} 5, {@code --seed} 42). Prints the accuracy,
 * macro-F1, top-3 accuracy and the accuracy at 70 % coverage, then the training time and heap of
 * one model trained on the whole of the training file (or the cross-validated file), and how long
 * that model takes to rank one text (p50, p95 over the first 2,000 texts, after a warm-up round).
 * <p>
 * The files are UTF-8 CSV with a header line: the text in the first column, its label in the
 * second (e.g. {@code text,label}, or the shared data's {@code Document,Topic_group}). The
 * training settings default to {@link TriageClassifier.Settings#DEFAULT}: {@code --word-grams},
 * {@code --char-min}, {@code --char-max} ({@code --word-grams 0} for characters alone),
 * {@code --min-docs}, {@code --cost} and {@code --balanced} (true or false) change them;
 * {@code --limit} keeps the first N rows of each file (to try settings
 * quickly). With {@code --train} alone, only the training is timed. A cross-validation's rankings
 * can be saved ({@code --save FILE}; {@code --time-training false} skips the timing) and the saved
 * rankings of several settings scored as an ensemble, their confidences averaged
 * ({@code --combine A.tsv,B.tsv}, or weighted: {@code A.tsv:2,B.tsv:1}).
 */
public final class TriageEvaluation {

	private TriageEvaluation() {
	}

	public static void main(String[] args) throws IOException {
		BenchArguments arguments = new BenchArguments(args);
		TriageClassifier.Settings defaults = TriageClassifier.Settings.DEFAULT;
		TriageClassifier.Settings settings = new TriageClassifier.Settings(
				arguments.getInt("word-grams", defaults.maxWordGram()), arguments.getInt("char-min", defaults.minCharGram()),
				arguments.getInt("char-max", defaults.maxCharGram()), arguments.getInt("min-docs", defaults.minDocuments()),
				Double.parseDouble(arguments.get("cost", String.valueOf(defaults.cost()))),
				Boolean.parseBoolean(arguments.get("balanced", String.valueOf(defaults.balanced()))));
		if (!arguments.get("combine", "").isEmpty()) {
			combine(arguments.get("combine", "").split(","));
			return;
		}
		int limit = arguments.getInt("limit", Integer.MAX_VALUE);
		System.out.println("settings " + settings);
		List<LabelledText> training;
		if (!arguments.get("cv", "").isEmpty()) {
			training = read(Path.of(arguments.get("cv", "")), limit);
			int folds = arguments.getInt("folds", 5);
			long seed = Long.parseLong(arguments.get("seed", "42"));
			long start = System.nanoTime();
			ClassifierEvaluation.Predictions predictions = ClassifierEvaluation.crossValidatedPredictions(training, folds,
					seed, settings);
			System.out.printf(Locale.ROOT, "%d-fold stratified cross-validation (seed %d, %.1f s): %s%n", folds, seed,
					(System.nanoTime() - start) / 1e9,
					ClassifierEvaluation.score(predictions.truth(), predictions.ranked()));
			if (!arguments.get("save", "").isEmpty()) {
				save(predictions, Path.of(arguments.get("save", "")));
			}
			if (!Boolean.parseBoolean(arguments.get("time-training", "true"))) {
				return;
			}
		}
		else {
			training = read(Path.of(arguments.get("train", "")), limit);
			if (!arguments.get("test", "").isEmpty()) {
				List<LabelledText> test = read(Path.of(arguments.get("test", "")), limit);
				TriageModel model = TriageClassifier.train(training, settings);
				System.out.println("test set: " + ClassifierEvaluation.score(model, test));
			}
		}
		System.gc();
		ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
		long cpuBefore = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
		long start = System.nanoTime();
		TriageModel model = TriageClassifier.train(training, settings);
		long wall = System.nanoTime() - start;
		long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuBefore;
		long peak = ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter(pool -> pool.getType() == MemoryType.HEAP)
			.mapToLong(pool -> pool.getPeakUsage().getUsed())
			.sum();
		System.gc();
		Runtime runtime = Runtime.getRuntime();
		System.out.printf(Locale.ROOT,
				"training on %d texts: %.1f s wall, %.1f s CPU; %d classes; heap max %d MB, peak %d MB (sum of the pools' peaks), %d MB after (model and texts held)%n",
				training.size(), wall / 1e9, cpu / 1e9, model.labels().size(), runtime.maxMemory() >> 20, peak >> 20,
				(runtime.totalMemory() - runtime.freeMemory()) >> 20);
		int samples = Math.min(training.size(), 2000);
		long[] nanos = new long[samples];
		for (int round = 0; round < 2; round++) {
			for (int i = 0; i < samples; i++) {
				long begin = System.nanoTime();
				model.rank(training.get(i).text());
				nanos[i] = System.nanoTime() - begin;
			}
		}
		java.util.Arrays.sort(nanos);
		System.out.printf(Locale.ROOT, "ranking one text (after a warm-up round, %d texts): p50 %.2f ms, p95 %.2f ms%n", samples,
				nanos[samples / 2] / 1e6, nanos[(int) (samples * 0.95)] / 1e6);
	}

	/** Writes each text's right label, a tab, then its ranking ({@code label=confidence} by tabs). */
	private static void save(ClassifierEvaluation.Predictions predictions, Path file) throws IOException {
		List<String> lines = new ArrayList<>(predictions.truth().size());
		for (int i = 0; i < predictions.truth().size(); i++) {
			StringBuilder line = new StringBuilder(predictions.truth().get(i));
			for (LabelScore score : predictions.ranked().get(i)) {
				line.append('\t').append(score.label()).append('=').append(score.confidence());
			}
			lines.add(line.toString());
		}
		Files.write(file, lines, StandardCharsets.UTF_8);
	}

	/**
	 * Scores the mean of the confidences of saved cross-validations of the same file, folds and
	 * seed ({@code --save}): an ensemble of their models, each weighing alike, or as given after a
	 * colon ({@code words.tsv:2,chars.tsv:1}).
	 */
	private static void combine(String[] files) throws IOException {
		List<String> truth = null;
		List<java.util.Map<String, Double>> sums = new ArrayList<>();
		double total = 0;
		for (String spec : files) {
			String[] parts = spec.split(":");
			double weight = parts.length > 1 ? Double.parseDouble(parts[1]) : 1;
			total += weight;
			List<String> lines = Files.readAllLines(Path.of(parts[0]), StandardCharsets.UTF_8);
			List<String> labels = new ArrayList<>(lines.size());
			for (int i = 0; i < lines.size(); i++) {
				String[] fields = lines.get(i).split("\t");
				labels.add(fields[0]);
				if (sums.size() <= i) {
					sums.add(new java.util.HashMap<>());
				}
				for (int f = 1; f < fields.length; f++) {
					int equals = fields[f].lastIndexOf('=');
					sums.get(i).merge(fields[f].substring(0, equals), weight * Double.parseDouble(fields[f].substring(equals + 1)),
							Double::sum);
				}
			}
			if (truth != null && !truth.equals(labels)) {
				throw new IllegalArgumentException(parts[0] + " is not a cross-validation of the same texts in the same folds");
			}
			truth = labels;
		}
		double weights = total;
		List<List<LabelScore>> ranked = new ArrayList<>(sums.size());
		for (java.util.Map<String, Double> sum : sums) {
			List<LabelScore> ranking = new ArrayList<>();
			sum.forEach((label, value) -> ranking.add(new LabelScore(label, value / weights)));
			ranking.sort(java.util.Comparator.comparingDouble(LabelScore::confidence).reversed()
				.thenComparing(LabelScore::label));
			ranked.add(ranking);
		}
		System.out.println("ensemble of " + String.join(", ", files) + ": " + ClassifierEvaluation.score(truth, ranked));
	}

	/**
	 * Reads a CSV file of labelled texts: header line, text in the first column, label in the
	 * second; rows with a blank label are skipped.
	 *
	 * @param file the file, UTF-8
	 * @param limit the most rows to read
	 */
	public static List<LabelledText> read(Path file, int limit) throws IOException {
		List<LabelledText> examples = new ArrayList<>();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
				if (examples.size() == limit) {
					break;
				}
				if (row.size() >= 2 && !row.get(1).isBlank()) {
					examples.add(new LabelledText(row.get(0), row.get(1).strip()));
				}
			}
		}
		return examples;
	}

}
