package org.campaign.reporting.rebuild;

import org.bson.Document;
import org.campaign.reporting.store.Generations;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.net.URI;
import java.util.List;

/** Starting blue-green rebuilds of the read models and following their progress. */
@RestController
@RequestMapping("/api/reports")
public class RebuildController {

    private final RebuildService rebuilds;
    private final Generations generations;

    public RebuildController(RebuildService rebuilds, Generations generations) {
        this.rebuilds = rebuilds;
        this.generations = generations;
    }

    /** Starts a rebuild (or answers with the one already running): 202 with its progress and Location. */
    @PostMapping("/rebuilds")
    public ResponseEntity<RebuildService.Progress> start() {
        RebuildService.Progress progress = rebuilds.start();
        return ResponseEntity.accepted().location(URI.create("/api/reports/rebuilds/" + progress.rebuildId()))
                .body(progress);
    }

    @GetMapping("/rebuilds/{id}")
    public RebuildService.Progress progress(@PathVariable String id) {
        RebuildService.Progress progress = rebuilds.progress(id);
        if (progress == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No rebuild " + id);
        }
        return progress;
    }

    @GetMapping("/rebuilds")
    public List<RebuildService.Progress> all() {
        return rebuilds.all();
    }

    /** The active generation, since when, and the version of the projections that built it next to these. */
    public record ActiveGeneration(String generation, String since, int version, int currentVersion) {
    }

    @GetMapping("/generations/active")
    public ActiveGeneration active() {
        Document pointer = generations.pointer();
        return new ActiveGeneration(pointer.getString("generation"), String.valueOf(pointer.get("since")),
                Generations.versionOf(pointer), Generations.VERSION);
    }
}
