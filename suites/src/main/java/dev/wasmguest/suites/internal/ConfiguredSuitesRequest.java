package dev.wasmguest.suites.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.DiscoveryFilter;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.EngineDiscoveryListener;
import org.junit.platform.engine.EngineDiscoveryRequest;

/**
 * A discovery request that also selects the configured suites ({@code wasmguest.suites}): what a request that names
 * nothing of its own, and no Java code, runs.
 *
 * @param configured the configured suites' selectors
 */
record ConfiguredSuitesRequest(EngineDiscoveryRequest request, Set<DiscoverySelector> configured)
        implements EngineDiscoveryRequest {

    @Override
    public <T extends DiscoverySelector> List<T> getSelectorsByType(Class<T> type) {
        List<T> selectors = new ArrayList<>(request.getSelectorsByType(type));
        configured.stream().filter(type::isInstance).map(type::cast).forEach(selectors::add);
        return selectors;
    }

    @Override
    public <T extends DiscoveryFilter<?>> List<T> getFiltersByType(Class<T> type) {
        return request.getFiltersByType(type);
    }

    @Override
    public ConfigurationParameters getConfigurationParameters() {
        return request.getConfigurationParameters();
    }

    @Override
    public EngineDiscoveryListener getDiscoveryListener() {
        return request.getDiscoveryListener();
    }
}
