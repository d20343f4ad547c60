package org.campaign.contracts.evaluation;

/**
 * How a mass evaluation (群众评议) collects the public's judgement: answers given one by one, by a respondent who
 * may answer only once, are recorded as ballots; answers counted together (a meeting's show of hands, a ballot
 * box) are entered as tallies. Paper questionnaires may come either way.
 */
public enum EvaluationMethod {
    /** 评议会 */
    EVALUATION_MEETING(false, true),
    /** 随机电话访问 */
    PHONE_CALLS(true, false),
    /** 调查问卷 */
    QUESTIONNAIRE(true, true),
    /** 评议投票箱 */
    BALLOT_BOX(false, true);

    private final boolean oneByOne;
    private final boolean counted;

    EvaluationMethod(boolean oneByOne, boolean counted) {
        this.oneByOne = oneByOne;
        this.counted = counted;
    }

    /** Whether its answers are recorded one by one, as ballots of respondents who answer once. */
    public boolean oneByOne() {
        return oneByOne;
    }

    /** Whether its answers are counted together and entered as tallies. */
    public boolean counted() {
        return counted;
    }
}
