package com.realestate.property.property;

import com.realestate.cache.key.ListQuery;
import com.realestate.property.auth.Caller;
import com.realestate.property.cache.PropertyReads;
import com.realestate.property.system.CachePolicy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The property resource: list, read, create, replace and delete. Reads carry strong ETags, so an unchanged view
 * answers {@code If-None-Match} with 304; replace and delete honour {@code If-Match} against lost updates.
 */
@RestController
@RequestMapping(PropertyController.PATH)
@Tag(name = "Properties", description = "The tenant's property listings")
public class PropertyController {

    /** The collection's path; every property route starts with it. */
    public static final String PATH = "/api/v1/properties";

    private final PropertyReads reads;
    private final PropertyCommandService commands;

    /** A controller on the feature's services. */
    public PropertyController(PropertyReads reads, PropertyCommandService commands) {
        this.reads = reads;
        this.commands = commands;
    }

    /** One page of the tenant's properties that match the filters. */
    @GetMapping
    @Operation(summary = "List properties", description = "Unknown query parameters are refused with 400.",
            parameters = {
                @Parameter(name = "city", in = ParameterIn.QUERY, description = "City, case-insensitive"),
                @Parameter(name = "status", in = ParameterIn.QUERY, schema = @Schema(implementation = PropertyStatus.class)),
                @Parameter(name = "type", in = ParameterIn.QUERY, schema = @Schema(implementation = PropertyType.class)),
                @Parameter(name = "minPrice", in = ParameterIn.QUERY, schema = @Schema(type = "number")),
                @Parameter(name = "maxPrice", in = ParameterIn.QUERY, schema = @Schema(type = "number")),
                @Parameter(name = "minBedrooms", in = ParameterIn.QUERY, schema = @Schema(type = "integer", minimum = "0")),
                @Parameter(name = "sort", in = ParameterIn.QUERY,
                        schema = @Schema(allowableValues = {"price", "-price", "createdAt", "-createdAt"},
                                defaultValue = "-createdAt")),
                @Parameter(name = "page", in = ParameterIn.QUERY, schema = @Schema(type = "integer", minimum = "0",
                        defaultValue = "0")),
                @Parameter(name = "size", in = ParameterIn.QUERY, schema = @Schema(type = "integer", minimum = "1",
                        maximum = "100", defaultValue = "20"))
            })
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = PropertyPage.class)))
    public ResponseEntity<String> list(Caller caller,
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        ListQuery query = ListQueryParameters.parse(parameters);
        return reads.list(caller.tenant(), query).response();
    }

    /** The property with the id. */
    @GetMapping("/{id}")
    @Operation(summary = "Get a property")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = Property.class)))
    public ResponseEntity<String> get(Caller caller, @PathVariable String id) {
        return reads.detail(caller.tenant(), PropertyIds.fromPath(id)).response();
    }

    /** Creates a property in the caller's tenant. */
    @PostMapping
    @Operation(summary = "Create a property")
    public ResponseEntity<Property> create(Caller caller, @Valid @RequestBody PropertyInput input) {
        Property created = commands.create(caller.tenant(), input);
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}")
                .buildAndExpand(created.id()).toUri();
        return ResponseEntity.created(location).eTag(PropertyETag.of(created)).body(created);
    }

    /** Replaces every client field of the property. */
    @PutMapping("/{id}")
    @Operation(summary = "Replace a property",
            description = "With If-Match, answers 412 when the property has changed since that version.")
    public ResponseEntity<Property> replace(Caller caller, @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody PropertyInput input) {
        Property replaced = commands.replace(caller.tenant(), PropertyIds.fromPath(id), input,
                Precondition.ifMatch(ifMatch));
        return ResponseEntity.ok().cacheControl(CachePolicy.revalidatePrivately())
                .eTag(PropertyETag.of(replaced)).body(replaced);
    }

    /** Deletes the property. */
    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a property",
            description = "With If-Match, answers 412 when the property has changed since that version.")
    public ResponseEntity<Void> delete(Caller caller, @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        commands.delete(caller.tenant(), PropertyIds.fromPath(id), Precondition.ifMatch(ifMatch));
        return ResponseEntity.noContent().build();
    }
}
