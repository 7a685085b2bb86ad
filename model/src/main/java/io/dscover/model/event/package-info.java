/**
 * The events every collector produces and every rule matches: one sealed hierarchy of Drools fact
 * classes, the {@link io.dscover.model.event.EventSchema} registry built from their annotations,
 * and their JSON form.
 */
package io.dscover.model.event;
