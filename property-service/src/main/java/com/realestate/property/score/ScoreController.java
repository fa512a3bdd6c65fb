package com.realestate.property.score;

import com.realestate.property.auth.Caller;
import com.realestate.property.cache.PropertyReads;
import com.realestate.property.property.PropertyController;
import com.realestate.property.property.PropertyIds;
import com.realestate.property.system.CachePolicy;
import com.realestate.property.system.ContentETag;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The score of one property. */
@RestController
@Tag(name = "Scores", description = "How good a buy a property looks against the tenant's market")
public class ScoreController {

    private final PropertyReads reads;
    private final ContentETag contentETag;

    /** A controller on the score service. */
    public ScoreController(PropertyReads reads, ContentETag contentETag) {
        this.reads = reads;
        this.contentETag = contentETag;
    }

    /** The property's score, computed against its comparables. */
    @GetMapping(PropertyController.PATH + "/{id}/score")
    @Operation(summary = "Score a property")
    public ResponseEntity<PropertyScore> score(Caller caller, @PathVariable String id) {
        PropertyScore score = reads.score(caller.tenant(), PropertyIds.fromPath(id));
        return ResponseEntity.ok().cacheControl(CachePolicy.revalidatePrivately())
                .eTag(contentETag.of(score)).body(score);
    }
}
