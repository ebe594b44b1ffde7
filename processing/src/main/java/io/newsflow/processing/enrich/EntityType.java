package io.newsflow.processing.enrich;

/** The kinds of entity the engine tags; the names match the Avro {@code EntityType} symbols. */
public enum EntityType {
    PERSON, ORGANIZATION, LOCATION, PRODUCT, EVENT, OTHER
}
