package org.campaign.contracts;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record as a published event and gives the revision of its shape.
 * <p>
 * The event's type name on the wire is the record's simple name. Raise the revision whenever a field is
 * removed, renamed or changes meaning; the write services read old revisions through upcasters, and the
 * envelope tells consumers which shape the payload has.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventContract {

    String revision();
}
