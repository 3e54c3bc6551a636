package io.qualtrack.content.catalogue;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** The catalogue in MongoDB. Every write is one single-document operation: no transactions needed. */
@Repository
public class CatalogueStore {

    private static final String UNIT_VERSIONS = "unit_versions";

    private record VersionOnly(int version) {
    }

    private final MongoTemplate mongo;

    public CatalogueStore(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(UnitVersionDocument.class)
                .createIndex(new Index().on("code", Sort.Direction.ASC).on("version", Sort.Direction.DESC));
        mongo.indexOps(UnitVersionDocument.class).createIndex(new Index().on("pending", Sort.Direction.ASC));
        mongo.indexOps(QualificationDocument.class).createIndex(new Index().on("pending", Sort.Direction.ASC));
    }

    /** Stores a new unit version, pending publication; fails if that version exists already. */
    public void insert(Unit unit) {
        try {
            mongo.insert(new UnitVersionDocument(UnitVersionDocument.idOf(unit.code(), unit.version()), unit.code(),
                    unit.version(), unit, UUID.randomUUID().toString(), true, null));
        } catch (DuplicateKeyException e) {
            throw new UnitVersionConflictException(unit.code(), unit.version());
        }
    }

    /** Stores a qualification unless one with its code exists; true when stored. */
    public boolean insertIfAbsent(Qualification qualification, Instant storedAt) {
        try {
            mongo.insert(new QualificationDocument(qualification.code(), qualification, storedAt,
                    UUID.randomUUID().toString(), true, null));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    public Optional<Unit> latest(String code) {
        var query = Query.query(where("code").is(code)).with(Sort.by(Sort.Direction.DESC, "version")).limit(1);
        return Optional.ofNullable(mongo.findOne(query, UnitVersionDocument.class)).map(UnitVersionDocument::unit);
    }

    public Optional<Unit> version(String code, int version) {
        return Optional.ofNullable(mongo.findById(UnitVersionDocument.idOf(code, version), UnitVersionDocument.class))
                .map(UnitVersionDocument::unit);
    }

    public List<Integer> versions(String code) {
        var query = Query.query(where("code").is(code)).with(Sort.by("version"));
        query.fields().include("version");
        return mongo.find(query, VersionOnly.class, UNIT_VERSIONS).stream().map(VersionOnly::version).toList();
    }

    /** The newest version of every unit, by code. */
    public List<Unit> latestOfEach() {
        var query = new Query().with(Sort.by(Sort.Order.asc("code"), Sort.Order.desc("version")));
        Map<String, Unit> latest = new LinkedHashMap<>();
        mongo.find(query, UnitVersionDocument.class).forEach(doc -> latest.putIfAbsent(doc.code(), doc.unit()));
        return new ArrayList<>(latest.values());
    }

    public List<Qualification> qualifications() {
        return mongo.find(new Query().with(Sort.by("code")), QualificationDocument.class).stream()
                .map(QualificationDocument::qualification).toList();
    }

    public Optional<Qualification> qualification(String code) {
        return Optional.ofNullable(mongo.findById(code, QualificationDocument.class))
                .map(QualificationDocument::qualification);
    }

    /** Unit versions still to publish, oldest version first so a unit's versions go out in order. */
    public List<Pending<Unit>> pendingUnitVersions(int limit) {
        var query = Query.query(where("pending").is(true))
                .with(Sort.by(Sort.Order.asc("unit.createdAt"), Sort.Order.asc("version"))).limit(limit);
        return mongo.find(query, UnitVersionDocument.class).stream()
                .map(doc -> new Pending<>(doc.unit(), UUID.fromString(doc.eventId()), doc.unit().createdAt()))
                .toList();
    }

    public List<Pending<Qualification>> pendingQualifications(int limit) {
        var query = Query.query(where("pending").is(true)).with(Sort.by("storedAt")).limit(limit);
        return mongo.find(query, QualificationDocument.class).stream()
                .map(doc -> new Pending<>(doc.qualification(), UUID.fromString(doc.eventId()), doc.storedAt()))
                .toList();
    }

    public void markPublished(Unit unit, Instant at) {
        markPublished(Criteria.where("_id").is(UnitVersionDocument.idOf(unit.code(), unit.version())),
                UnitVersionDocument.class, at);
    }

    public void markPublished(Qualification qualification, Instant at) {
        markPublished(Criteria.where("_id").is(qualification.code()), QualificationDocument.class, at);
    }

    public long pendingCount() {
        var pending = Query.query(where("pending").is(true));
        return mongo.count(pending, UnitVersionDocument.class) + mongo.count(pending, QualificationDocument.class);
    }

    private void markPublished(Criteria id, Class<?> type, Instant at) {
        mongo.updateFirst(Query.query(id), new Update().set("pending", false).set("publishedAt", at), type);
    }
}
