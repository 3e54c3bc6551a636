package io.qualtrack.faults;

import io.qualtrack.contract.Topics;
import io.qualtrack.contract.content.ContentEvent;
import io.qualtrack.contract.content.QualificationDefinition;
import io.qualtrack.contract.content.QualificationPublished;
import io.qualtrack.contract.content.UnitDefinition;
import io.qualtrack.contract.content.UnitVersionPublished;
import io.qualtrack.replica.CatalogueView;
import io.qualtrack.testsupport.TopicReader;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.function.Predicate;

/** The catalogue exactly as the consuming services receive it: read from the content topic. */
final class TopicCatalogue implements CatalogueView {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, QualificationDefinition> qualifications = new TreeMap<>();
    private final Map<String, TreeMap<Integer, UnitDefinition>> units = new TreeMap<>();

    /** Reads the topic until {@code complete} holds: e.g. every qualification with every unit it names. */
    static TopicCatalogue read(String bootstrapServers, Predicate<TopicCatalogue> complete) {
        TopicCatalogue[] last = new TopicCatalogue[1];
        TopicReader.readFromBeginning(bootstrapServers, Topics.CONTENT, Duration.ofMinutes(2), records -> {
            TopicCatalogue catalogue = new TopicCatalogue();
            records.forEach(r -> catalogue.add(JSON.readValue(r.value(), ContentEvent.class)));
            last[0] = catalogue;
            return complete.test(catalogue);
        });
        return last[0];
    }

    /** The seed catalogue: five qualifications, every unit they name. */
    static boolean hasEveryQualificationsUnits(TopicCatalogue catalogue) {
        return catalogue.qualifications.size() >= 5 && catalogue.qualifications.values().stream()
                .allMatch(q -> q.unitCodes().stream().allMatch(catalogue.units::containsKey));
    }

    private void add(ContentEvent event) {
        switch (event) {
            case QualificationPublished q -> qualifications.put(q.qualification().code(), q.qualification());
            case UnitVersionPublished u -> units.computeIfAbsent(u.unit().code(), k -> new TreeMap<>()).put(u.unit().version(), u.unit());
        }
    }

    List<QualificationDefinition> qualifications() {
        return List.copyOf(qualifications.values());
    }

    UnitDefinition latest(String unitCode) {
        return units.get(unitCode).lastEntry().getValue();
    }

    @Override
    public Optional<QualificationDefinition> qualification(String code) {
        return Optional.ofNullable(qualifications.get(code));
    }

    @Override
    public Optional<UnitDefinition> unit(String code, int version) {
        return Optional.ofNullable(units.getOrDefault(code, new TreeMap<>()).get(version));
    }

    @Override
    public OptionalInt latestVersion(String unitCode) {
        TreeMap<Integer, UnitDefinition> versions = units.get(unitCode);
        return versions == null ? OptionalInt.empty() : OptionalInt.of(versions.lastKey());
    }
}
