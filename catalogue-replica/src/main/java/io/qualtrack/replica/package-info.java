/** The catalogue as a consuming service keeps it: {@link io.qualtrack.replica.CatalogueView} and its MongoDB-backed replica. */
package io.qualtrack.replica;
