package dev.palisade.scan;

import dev.palisade.collect.Collector;
import dev.palisade.core.config.PalisadeConfig;

/** Makes a source's collector from the configuration ({@code cfg -> new TlsCollector(cfg)}). */
@FunctionalInterface
public interface CollectorFactory {
    Collector create(PalisadeConfig config);
}
