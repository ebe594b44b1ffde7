package io.newsflow.processing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The engine is plain Java: usable from the CLI, tests and any runtime. */
@AnalyzeClasses(packages = "io.newsflow.processing", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule ENGINE_HAS_NO_FLINK = noClasses()
            .that().resideInAPackage("..enrich..")
            .should().dependOnClassesThat().resideInAPackage("org.apache.flink..");

    @ArchTest
    static final ArchRule ENGINE_HAS_NO_KAFKA = noClasses()
            .that().resideInAPackage("..enrich..")
            .should().dependOnClassesThat().resideInAPackage("org.apache.kafka..");
}
