package org.campaign.reporting.evaluation;

/** Names of the mass-evaluation, assessment and lagging-unit figures. */
public final class EvaluationStatistics {

    public static final String MASS_EVALUATION_KIND = "massEvaluation";
    public static final String ASSESSMENT_KIND = "assessment";
    public static final String LEDGER_KIND = "ledger";

    /** Mass evaluations in total (key {@code all}) and per township. */
    public static final String MASS_EVALUATION = "massEvaluation";
    public static final String MASS_EVALUATION_TOWNSHIP = "massEvaluationTownship";
    public static final String OPENED = "evaluationsOpened";
    public static final String OPEN = "evaluationsOpen";
    public static final String CLOSED = "evaluationsClosed";
    /** Answers of closed evaluations. */
    public static final String RESPONDENTS = "respondents";
    public static final String SATISFIED = "satisfied";
    public static final String BASICALLY_SATISFIED = "basicallySatisfied";
    public static final String DISSATISFIED = "dissatisfied";
    /** Set kind: organisations whose mass evaluation (as subject) was closed; key {@code all}. */
    public static final String EVALUATED_SET = "evaluatedOrganisations";

    /** Assessments: key {@code <SUBJECT_TYPE>}, fields {@code grade_<GRADE>}, scored and the sum of scores. */
    public static final String GRADE = "grade";
    /** Organisation assessments per township: fields {@code grade_<GRADE>}. */
    public static final String GRADE_TOWNSHIP = "gradeTownship";
    public static final String SCORED = "scored";
    public static final String GRADE_PREFIX = "grade_";
    /** Sum of the totals in tenths of a point, for averages. */
    public static final String SCORE_TENTHS = "scoreTenths";

    /** The lagging-unit ledger in total (key {@code all}), per status and per township. */
    public static final String LEDGER = "ledger";
    public static final String LEDGER_STATUS = "ledgerStatus";
    public static final String LEDGER_TOWNSHIP = "ledgerTownship";
    public static final String LISTED = "listed";
    public static final String ON_LEDGER = "onLedger";
    public static final String CLEARED = "cleared";
    public static final String WITH_MEASURES = "withMeasures";
    public static final String WITH_LEADER = "withLeader";
    public static final String CHECK_FAILED = "checkFailed";
    public static final String UNITS = "units";

    private EvaluationStatistics() {
    }
}
