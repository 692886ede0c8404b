package cn.parkflow;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The boundaries of the house, checked on the compiled main classes: capabilities (the packages under
 * {@code cn.parkflow}) form no cycle; only {@code workflow} uses the engine's Java API; {@code workflow}
 * and {@code system} import no capability. Delegates and task listeners, which the engine calls, may use
 * its delegate and variable API, and nothing else of it.
 */
@AnalyzeClasses(packages = "cn.parkflow", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    static final String[] CAPABILITIES = {"cn.parkflow.accounts..", "cn.parkflow.application..", "cn.parkflow.benchmark..", "cn.parkflow.certification..", "cn.parkflow.change..",
            "cn.parkflow.dashboard..", "cn.parkflow.document..", "cn.parkflow.evaluation..", "cn.parkflow.identity..",
            "cn.parkflow.notification..", "cn.parkflow.publication..", "cn.parkflow.registry..", "cn.parkflow.tenant.."};

    /** The engine's Java API: services, queries, its identity, repository and REST classes; not what a delegate is handed. */
    static final DescribedPredicate<JavaClass> ENGINE_API = resideInAPackage("org.camunda..")
            .and(not(resideInAnyPackage("org.camunda.bpm.engine.delegate..", "org.camunda.bpm.engine.variable..",
                    "org.camunda.spin..")))
            .as("the engine's Java API (org.camunda, other than the delegate and variable API)");

    @ArchTest
    static final ArchRule capabilitiesFormNoCycle = slices().matching("cn.parkflow.(*)..").namingSlices("$1")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule onlyWorkflowUsesTheEngine = noClasses().that().resideOutsideOfPackage("cn.parkflow.workflow..")
            .should().dependOnClassesThat(ENGINE_API)
            .because("the workflow package is the one door to the engine (and the only code a move to Operaton touches)");

    @ArchTest
    static final ArchRule workflowImportsNoCapability = noClasses().that().resideInAPackage("cn.parkflow.workflow..")
            .should().dependOnClassesThat().resideInAnyPackage(CAPABILITIES)
            .because("capabilities talk to the engine through workflow's interfaces, not the other way round");

    @ArchTest
    static final ArchRule systemImportsNoCapability = noClasses().that().resideInAPackage("cn.parkflow.system..")
            .should().dependOnClassesThat().resideInAnyPackage(CAPABILITIES)
            .orShould().dependOnClassesThat().resideInAPackage("cn.parkflow.workflow..")
            .because("system holds configuration and web plumbing only");
}
