package io.newsflow.processing.functions;

import io.newsflow.processing.enrich.Enrichment;
import io.newsflow.schemas.Article;
import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.schemas.EnrichmentInfo;
import io.newsflow.schemas.Entity;
import io.newsflow.schemas.EntityType;
import io.newsflow.schemas.Mention;
import io.newsflow.schemas.TopicTag;
import java.time.Instant;
import java.util.List;

/** Turns the engine's plain-Java {@link Enrichment} into the Avro {@link EnrichedArticle} of the contract. */
public final class EnrichmentMapper {

    private EnrichmentMapper() {}

    public static EnrichedArticle toEvent(Article article, boolean update, Enrichment enrichment, String engineVersion,
                                          String kbVersion, Instant enrichedAt) {
        return EnrichedArticle.newBuilder()
                .setArticle(article)
                .setIsUpdate(update)
                .setLanguage(enrichment.language())
                .setEntities(enrichment.entities().stream().map(EnrichmentMapper::entity).toList())
                .setTopics(enrichment.topics().stream().map(EnrichmentMapper::topic).toList())
                .setEnrichment(EnrichmentInfo.newBuilder()
                        .setEngineVersion(engineVersion)
                        .setKbVersion(kbVersion)
                        .setEnrichedAt(enrichedAt)
                        .build())
                .build();
    }

    private static Entity entity(Enrichment.Entity e) {
        return Entity.newBuilder()
                .setName(e.name())
                .setType(EntityType.valueOf(e.type().name()))
                .setId(e.id())
                .setWikipedia(e.wikipedia())
                .setWikipediaGuessed(e.wikipediaGuessed())
                .setExternalIds(e.externalIds())
                .setMentions(mentions(e.mentions()))
                .setTitleMentions(mentions(e.titleMentions()))
                .setMentionCount(e.mentions().size() + e.titleMentions().size())
                .setSalience(e.salience())
                .setConfidence(e.confidence())
                .build();
    }

    private static List<Mention> mentions(List<Enrichment.Mention> mentions) {
        return mentions.stream()
                .map(m -> Mention.newBuilder().setStart(m.start()).setEnd(m.end()).setText(m.text()).build())
                .toList();
    }

    private static TopicTag topic(Enrichment.Topic t) {
        return TopicTag.newBuilder()
                .setCode(t.code())
                .setLabel(t.label())
                .setScore(t.score())
                .setEvidence(t.evidence())
                .build();
    }
}
