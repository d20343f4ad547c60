package org.campaign.contracts.evaluation;

/** How a mass evaluation (群众评议) collects the public's judgement. */
public enum EvaluationMethod {
    /** 评议会 */
    EVALUATION_MEETING,
    /** 随机电话访问 */
    PHONE_CALLS,
    /** 调查问卷 */
    QUESTIONNAIRE,
    /** 评议投票箱 */
    BALLOT_BOX
}
