package org.campaign.write.audit;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lets an auditor check that an aggregate's stored history was not rewritten:
 * {@code GET /api/audit/<service>/chains/<aggregateId>}.
 */
@RestController
public class ChainController {

    private final ChainVerifier verifier;

    public ChainController(ChainVerifier verifier) {
        this.verifier = verifier;
    }

    @GetMapping("/api/audit/${spring.application.name}/chains/{aggregateId}")
    public ChainVerifier.Verification verify(@PathVariable String aggregateId) {
        return verifier.verify(aggregateId);
    }
}
