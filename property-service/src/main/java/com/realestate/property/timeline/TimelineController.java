package com.realestate.property.timeline;

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

/** The history of one property. */
@RestController
@Tag(name = "Timelines", description = "The recorded history of a property")
public class TimelineController {

    private final PropertyReads reads;

    /** A controller on the timeline service. */
    public TimelineController(PropertyReads reads) {
        this.reads = reads;
    }

    /** The property's events, oldest first, each with the fields it changed. */
    @GetMapping(PropertyController.PATH + "/{id}/timeline")
    @Operation(summary = "Get a property's timeline")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = Timeline.class)))
    public ResponseEntity<String> timeline(Caller caller, @PathVariable String id) {
        return reads.timeline(caller.tenant(), PropertyIds.fromPath(id)).response();
    }
}
