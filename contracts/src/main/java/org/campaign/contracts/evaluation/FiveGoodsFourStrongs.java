package org.campaign.contracts.evaluation;

/**
 * The "five goods, four strongs" (五好四强) standard for a grass-roots party organisation, item by item: good
 * leadership team 领导班子好, good membership 党员队伍好, good working mechanisms 工作机制好, good results 工作业绩好,
 * good public opinion 群众反映好; strong in driving development 推动发展能力强, in serving the public 服务群众能力强,
 * in uniting people 凝聚人心能力强, in promoting harmony 促进和谐能力强.
 */
public record FiveGoodsFourStrongs(boolean goodLeadership, boolean goodMembership, boolean goodMechanisms,
                                   boolean goodResults, boolean goodPublicOpinion, boolean strongInDevelopment,
                                   boolean strongInServingThePublic, boolean strongInUnitingPeople,
                                   boolean strongInPromotingHarmony) {
}
