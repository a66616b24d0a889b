package org.guichet.assist;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * A triage model as bytes, to keep it in the database: gzip of a format version, the term shape,
 * each term with its idf, then Tribuo's own protobuf form of the linear model. Stateless.
 */
final class TriageModelFormat {

	private static final int VERSION = 1;

	private TriageModelFormat() {
	}

	static byte[] write(TriageModel model) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
			out.writeInt(VERSION);
			TermWeights.Shape shape = model.weights().shape();
			out.writeInt(shape.maxWordGram());
			out.writeInt(shape.minCharGram());
			out.writeInt(shape.maxCharGram());
			out.writeInt(shape.minDocuments());
			Map<String, Double> idfs = model.weights().idfs();
			out.writeInt(idfs.size());
			for (Map.Entry<String, Double> term : idfs.entrySet()) {
				out.writeUTF(term.getKey());
				out.writeDouble(term.getValue());
			}
			byte[] linear = model.model().serialize().toByteArray();
			out.writeInt(linear.length);
			out.write(linear);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return bytes.toByteArray();
	}

	/**
	 * @throws IllegalArgumentException when the bytes are not a triage model of this version
	 */
	static TriageModel read(byte[] content) {
		try (DataInputStream in = new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(content)))) {
			int version = in.readInt();
			if (version != VERSION) {
				throw new IllegalArgumentException("Triage model of format " + version + ", expected " + VERSION);
			}
			TermWeights.Shape shape = new TermWeights.Shape(in.readInt(), in.readInt(), in.readInt(), in.readInt());
			int terms = in.readInt();
			Map<String, Double> idfs = new HashMap<>(terms * 2);
			for (int i = 0; i < terms; i++) {
				idfs.put(in.readUTF(), in.readDouble());
			}
			byte[] linear = new byte[in.readInt()];
			in.readFully(linear);
			Model<Label> model = Model.deserialize(org.tribuo.protos.core.ModelProto.parseFrom(linear)).castModel(Label.class);
			return new TriageModel(TermWeights.of(shape, idfs), model);
		}
		catch (IOException e) {
			throw new IllegalArgumentException("Unreadable triage model: " + e.getMessage(), e);
		}
	}

}
