package org.guichet.presentation.drawing;

import org.eclipse.elk.alg.layered.LayeredLayoutProvider;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkNode;

/** Eclipse ELK's layered algorithm, run outside Eclipse. */
public final class ElkLayered {

	static {
		// outside Eclipse, ELK learns its options (and how to copy their defaults) from this registry
		LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
	}

	private ElkLayered() {
	}

	/** Places the nodes, edges and labels of {@code root}'s graph, in place, as its options say. */
	public static void layout(ElkNode root) {
		new LayeredLayoutProvider().layout(root, new BasicProgressMonitor());
	}

}
