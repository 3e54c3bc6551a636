package io.qualtrack.replica;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.qualtrack.contract.content.QualificationDefinition;
import io.qualtrack.contract.content.UnitDefinition;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A service's own copy of the catalogue, fed by the content topic, so it validates, scores and
 * explains progress without calling content-service. Stored in MongoDB (shared by every instance) and
 * cached in memory; a cache miss reads through, so an instance sees what another one stored.
 */
public class ContentReplica implements CatalogueView {

    private final MongoCollection<Document> units;
    private final MongoCollection<Document> qualifications;
    private final JsonMapper json;
    private final Map<String, UnitDefinition> unitCache = new ConcurrentHashMap<>();
    private final Map<String, QualificationDefinition> qualificationCache = new ConcurrentHashMap<>();
    private final Map<String, Integer> latestVersions = new ConcurrentHashMap<>();

    public ContentReplica(MongoTemplate mongo, JsonMapper json) {
        this.units = mongo.getCollection("content_units");
        this.qualifications = mongo.getCollection("content_qualifications");
        this.json = json;
    }

    /** Stores a unit version once; a redelivered version is already there and changes nothing. */
    public void store(UnitDefinition unit) {
        try {
            units.insertOne(new Document("_id", unit.code() + "@" + unit.version())
                    .append("code", unit.code()).append("version", unit.version())
                    .append("definition", Document.parse(json.writeValueAsString(unit))));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        unitCache.put(unit.code() + "@" + unit.version(), unit);
        // what is stored now, never lower than a concurrent reader's figure (merge keeps the higher)
        latestVersions.merge(unit.code(), storedLatestVersion(unit.code()), Math::max);
    }

    /** Keeps the newest version of a qualification; an older or repeated one changes nothing. */
    public void store(QualificationDefinition qualification) {
        try {
            qualifications.replaceOne(
                    Filters.and(Filters.eq("_id", qualification.code()), Filters.lt("version", qualification.version())),
                    new Document("_id", qualification.code()).append("version", qualification.version())
                            .append("definition", Document.parse(json.writeValueAsString(qualification))),
                    new ReplaceOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        qualificationCache.remove(qualification.code());
    }

    @Override
    public Optional<QualificationDefinition> qualification(String code) {
        QualificationDefinition cached = qualificationCache.get(code);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<QualificationDefinition> stored = Optional.ofNullable(qualifications.find(Filters.eq("_id", code)).first())
                .map(doc -> json.readValue(doc.get("definition", Document.class).toJson(), QualificationDefinition.class));
        stored.ifPresent(q -> qualificationCache.put(code, q));
        return stored;
    }

    @Override
    public Optional<UnitDefinition> unit(String code, int version) {
        String id = code + "@" + version;
        UnitDefinition cached = unitCache.get(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<UnitDefinition> stored = Optional.ofNullable(units.find(Filters.eq("_id", id)).first())
                .map(doc -> json.readValue(doc.get("definition", Document.class).toJson(), UnitDefinition.class));
        stored.ifPresent(u -> unitCache.put(id, u));
        return stored;
    }

    @Override
    public OptionalInt latestVersion(String unitCode) {
        Integer cached = latestVersions.get(unitCode);
        if (cached != null) {
            return OptionalInt.of(cached);
        }
        int stored = storedLatestVersion(unitCode);
        if (stored == 0) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(latestVersions.merge(unitCode, stored, Math::max));
    }

    private int storedLatestVersion(String unitCode) {
        Document latest = units.find(Filters.eq("code", unitCode)).sort(Sorts.descending("version")).limit(1).first();
        return latest == null ? 0 : latest.getInteger("version");
    }

    /** Forgets what other instances may have changed since; the next lookups read through. */
    @Scheduled(fixedDelayString = "${qualtrack.catalogue-refresh:30s}")
    public void refresh() {
        latestVersions.clear();
        qualificationCache.clear();
    }
}
