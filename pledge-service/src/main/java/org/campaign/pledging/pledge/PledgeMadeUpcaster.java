package org.campaign.pledging.pledge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.campaign.contracts.pledge.PledgeFocus;
import org.campaign.contracts.pledge.PledgeMade;
import org.springframework.stereotype.Component;

/**
 * Reads revision-1 {@link PledgeMade} events as revision 2: they were all written, not oral, pledges; and the
 * earliest of them, recorded before the focus was asked for, count as pledges on the central work
 * (围绕中心工作), as the district office decided when the field was introduced.
 */
@Component
class PledgeMadeUpcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(PledgeMade.class.getName(), "1");
    private static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(PledgeMade.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, payload -> {
            ObjectNode pledge = (ObjectNode) payload;
            if (!pledge.hasNonNull("focus")) {
                pledge.put("focus", PledgeFocus.CENTRAL_WORK.name());
            }
            if (!pledge.has("oral")) {
                pledge.put("oral", false);
            }
            return pledge;
        });
    }
}
