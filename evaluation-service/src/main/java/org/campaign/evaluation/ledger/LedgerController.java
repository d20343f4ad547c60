package org.campaign.evaluation.ledger;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.campaign.write.web.Page;
import org.campaign.evaluation.common.Timeline;
import org.campaign.evaluation.ledger.LedgerCommands.AssignRectificationLeader;
import org.campaign.evaluation.ledger.LedgerCommands.RecordFinalCheck;
import org.campaign.evaluation.ledger.LedgerCommands.RecordRectificationMeasures;
import org.campaign.evaluation.ledger.LedgerCommands.ReportRectificationProgress;
import org.campaign.write.web.Acting;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

/** The rectification ledger of lagging units (整顿后进基层党组织): listed by their assessment, worked through here. */
@RestController
@RequestMapping("/api/rectifications")
class LedgerController {

    record LeaderRequest(@NotBlank @Size(max = 64) String leaderId, @NotNull @PastOrPresent LocalDate assignedOn) {
    }

    record MeasuresRequest(@NotEmpty List<@NotBlank @Size(max = 1000) String> measures, @NotNull LocalDate dueOn) {
    }

    record ProgressRequest(@NotBlank @Size(max = 4000) String progress,
                           @NotNull @PastOrPresent LocalDate reportedOn) {
    }

    record FinalCheckRequest(@NotNull Boolean passed, @NotBlank @Size(max = 4000) String findings,
                             @NotNull @PastOrPresent LocalDate checkedOn) {
    }

    record LedgerDetails(LaggingUnitEntry unit, List<Timeline.Entry> timeline) {
    }

    private final LedgerService ledger;
    private final Timeline timeline;

    LedgerController(LedgerService ledger, Timeline timeline) {
        this.ledger = ledger;
        this.timeline = timeline;
    }

    @GetMapping
    Page<LaggingUnitEntry> list(LedgerService.Filter filter, @RequestParam(defaultValue = "0") int page,
                                @RequestParam(defaultValue = "20") int size) {
        return ledger.list(filter, page, size);
    }

    @GetMapping("/{ledgerId}")
    LedgerDetails get(@PathVariable String ledgerId) {
        return new LedgerDetails(ledger.find(ledgerId), timeline.of(ledgerId));
    }

    @PostMapping("/{ledgerId}/leader")
    ResponseEntity<Void> assignLeader(@PathVariable String ledgerId, @Valid @RequestBody LeaderRequest request,
                                      Acting acting) {
        ledger.direct(acting, ledgerId, new AssignRectificationLeader(ledgerId, request.leaderId().trim(),
                request.assignedOn()), "make a leader responsible for lagging unit " + ledgerId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{ledgerId}/measures")
    ResponseEntity<Void> measures(@PathVariable String ledgerId, @Valid @RequestBody MeasuresRequest request,
                                  Acting acting) {
        ledger.rectify(acting, ledgerId, new RecordRectificationMeasures(ledgerId,
                request.measures().stream().map(String::trim).toList(), request.dueOn()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{ledgerId}/progress")
    ResponseEntity<Void> progress(@PathVariable String ledgerId, @Valid @RequestBody ProgressRequest request,
                                  Acting acting) {
        ledger.rectify(acting, ledgerId, new ReportRectificationProgress(ledgerId, request.progress().trim(),
                request.reportedOn()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{ledgerId}/final-check")
    ResponseEntity<Void> finalCheck(@PathVariable String ledgerId, @Valid @RequestBody FinalCheckRequest request,
                                    Acting acting) {
        ledger.direct(acting, ledgerId, new RecordFinalCheck(ledgerId, request.passed(), request.findings().trim(),
                request.checkedOn()), "check lagging unit " + ledgerId);
        return ResponseEntity.noContent().build();
    }
}
