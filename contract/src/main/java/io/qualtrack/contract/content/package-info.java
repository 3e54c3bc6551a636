/** Events on {@link io.qualtrack.contract.Topics#CONTENT}: the catalogue as content-service publishes it. */
@NullMarked
package io.qualtrack.contract.content;

import org.jspecify.annotations.NullMarked;
