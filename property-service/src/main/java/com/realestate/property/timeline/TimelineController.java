package com.realestate.property.timeline;

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

/** The history of one property. */
@RestController
@Tag(name = "Timelines", description = "The recorded history of a property")
public class TimelineController {

    private final PropertyReads reads;
    private final ContentETag contentETag;

    /** A controller on the timeline service. */
    public TimelineController(PropertyReads reads, ContentETag contentETag) {
        this.reads = reads;
        this.contentETag = contentETag;
    }

    /** The property's events, oldest first, each with the fields it changed. */
    @GetMapping(PropertyController.PATH + "/{id}/timeline")
    @Operation(summary = "Get a property's timeline")
    public ResponseEntity<Timeline> timeline(Caller caller, @PathVariable String id) {
        Timeline timeline = reads.timeline(caller.tenant(), PropertyIds.fromPath(id));
        return ResponseEntity.ok().cacheControl(CachePolicy.revalidatePrivately())
                .eTag(contentETag.of(timeline)).body(timeline);
    }
}
