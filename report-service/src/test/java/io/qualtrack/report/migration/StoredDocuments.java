package io.qualtrack.report.migration;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.ArrayList;
import java.util.List;

/** A collection's documents as the migration tests compare them. */
final class StoredDocuments {

    private StoredDocuments() {
    }

    /** By id, with the sets kept as arrays in a comparable order. */
    static List<Document> documents(MongoTemplate mongo, String name) {
        List<Document> documents = new ArrayList<>();
        mongo.getCollection(name).find().sort(new Document("_id", 1)).forEach(doc -> {
            for (String set : List.of("members", "enrolments")) {
                if (doc.containsKey(set)) {
                    doc.put(set, doc.getList(set, String.class).stream().sorted().toList());
                }
            }
            documents.add(doc);
        });
        return documents;
    }

    static List<String> ids(MongoTemplate mongo, String name) {
        return documents(mongo, name).stream().map(doc -> doc.getString("_id")).toList();
    }
}
