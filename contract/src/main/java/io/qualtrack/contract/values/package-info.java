/**
 * What every identifier and every date or instant in an event must be, checked once here and used by
 * the API that accepts an event and by every consumer that reads one, so a value one side accepts is
 * never one the other side fails on.
 */
@NullMarked
package io.qualtrack.contract.values;

import org.jspecify.annotations.NullMarked;
