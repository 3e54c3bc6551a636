/**
 * The contracts the services share: topic names and one sealed event hierarchy per topic.
 * JSON on the wire, with the event type in a {@code type} property and instants as ISO-8601.
 */
@NullMarked
package io.qualtrack.contract;

import org.jspecify.annotations.NullMarked;
