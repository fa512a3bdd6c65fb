package com.realestate.property.score;

import com.realestate.property.auth.Caller;
import com.realestate.property.cache.PropertyReads;
import com.realestate.property.property.PropertyController;
import com.realestate.property.property.PropertyIds;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The score of one property. */
@RestController
@Tag(name = "Scores", description = "How good a buy a property looks against the tenant's market")
public class ScoreController {

    private final PropertyReads reads;

    /** A controller on the score service. */
    public ScoreController(PropertyReads reads) {
        this.reads = reads;
    }

    /** The property's score, computed against its comparables. */
    @GetMapping(PropertyController.PATH + "/{id}/score")
    @Operation(summary = "Score a property")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = PropertyScore.class)))
    public ResponseEntity<String> score(Caller caller, @PathVariable String id) {
        return reads.score(caller.tenant(), PropertyIds.fromPath(id)).response();
    }
}
