package com.realestate.cache.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.realestate.cache.client.CacheKey;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PropertyKeysTests {

    /** Ids chosen to widen a pattern, fake a separator or a hash tag, or collide once escaped. */
    private static final List<String> ADVERSARIAL = List.of(
            "*", "a*", "a", "ab", "a:b", "a:b:detail", "{a}", "a}b", "}", "[ab]", "?", "\\", "%2A", "a%3Ab", "ünï",
            "😀", "a b", "A", "c", "a}:property:b", "b}:property:c");

    private static final TenantId ACME = new TenantId("acme");
    private static final PropertyId P42 = new PropertyId("42");
    private static final ListQuery FIRST_PAGE = ListQuery.builder().build();

    static Stream<Arguments> layout() {
        return Stream.of(
                Arguments.of("detail", PropertyKeys.detail(ACME, P42), "t:{acme}:property:42:detail"),
                Arguments.of("score", PropertyKeys.score(ACME, P42), "t:{acme}:property:42:score"),
                Arguments.of("timeline", PropertyKeys.timeline(ACME, P42), "t:{acme}:property:42:timeline"),
                Arguments.of("list", PropertyKeys.list(ACME, FIRST_PAGE), "t:{acme}:properties:list:" + FIRST_PAGE.hash()),
                Arguments.of("propertyPattern", PropertyKeys.propertyPattern(ACME, P42), "t:{acme}:property:42:*"),
                Arguments.of("listPattern", PropertyKeys.listPattern(ACME), "t:{acme}:properties:list:*"),
                Arguments.of("scorePattern", PropertyKeys.scorePattern(ACME), "t:{acme}:property:*:score"),
                Arguments.of("tenantPattern", PropertyKeys.tenantPattern(ACME), "t:{acme}:*"),
                Arguments.of("hashTag", PropertyKeys.hashTag(ACME), "{acme}"),
                Arguments.of("tenantGroup", PropertyKeys.tenantGroup(ACME), "t:{acme}:all"),
                Arguments.of("listGroup", PropertyKeys.listGroup(ACME), "t:{acme}:properties:lists"),
                Arguments.of("scoreGroup", PropertyKeys.scoreGroup(ACME), "t:{acme}:properties:scores"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("layout")
    void keysFollowTheDocumentedLayout(String kind, String actual, String expected) {
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void tenantAndPropertyAreEncodedInTheKey() {
        String key = PropertyKeys.detail(new TenantId("a:b{c}"), new PropertyId("x*y é"));

        assertThat(key).isEqualTo("t:{a%3Ab%7Bc%7D}:property:x%2Ay%20%C3%A9:detail");
    }

    @Test
    void theHashTagIsTheEncodedTenantInBraces() {
        assertThat(PropertyKeys.hashTag(new TenantId("{a}"))).isEqualTo("{%7Ba%7D}");
    }

    @ParameterizedTest
    @MethodSource("adversarialTenants")
    void allKeysOfATenantShareTheSlotOfItsHashTag(TenantId tenant) {
        int tagSlot = ClusterSlots.slot(KeyPart.encode(tenant.value()));

        assertThat(keysOf(tenant))
                .allSatisfy(key -> assertThat(ClusterSlots.slot(key)).as(key).isEqualTo(tagSlot))
                .allSatisfy(key -> assertThat(ClusterSlots.slot("realestate:" + key)).as(key).isEqualTo(tagSlot));
    }

    @ParameterizedTest
    @MethodSource("patterns")
    void patternsHaveNoGlobCharacterBeforeTheirTrailingStar(String pattern) {
        assertThat(pattern).endsWith("*");
        assertThat(pattern.substring(0, pattern.length() - 1)).doesNotContain("*", "?", "[", "]", "\\");
    }

    @ParameterizedTest
    @MethodSource("adversarialTenants")
    void aTenantPatternMatchesEveryKeyOfItsTenantAndNoOther(TenantId tenant) {
        String pattern = PropertyKeys.tenantPattern(tenant);

        assertThat(keysOf(tenant)).allMatch(key -> RedisGlob.matches(pattern, key));
        assertThat(keysOfOtherTenants(tenant)).noneMatch(key -> RedisGlob.matches(pattern, key));
    }

    @ParameterizedTest
    @MethodSource("adversarialTenants")
    void aListPatternMatchesEveryListKeyOfItsTenantAndNothingElse(TenantId tenant) {
        String pattern = PropertyKeys.listPattern(tenant);
        List<String> ownLists = listKeys(tenant);
        List<String> everythingElse = new ArrayList<>(keysOfOtherTenants(tenant));
        everythingElse.addAll(propertyKeys(tenant, properties()));

        assertThat(ownLists).allMatch(key -> RedisGlob.matches(pattern, key));
        assertThat(everythingElse).noneMatch(key -> RedisGlob.matches(pattern, key));
    }

    @ParameterizedTest
    @MethodSource("adversarialPairs")
    void aPropertyPatternMatchesEveryKeyOfItsPropertyAndNothingElse(TenantId tenant, PropertyId property) {
        String pattern = PropertyKeys.propertyPattern(tenant, property);
        List<PropertyId> otherProperties = properties().stream().filter(other -> !other.equals(property)).toList();
        List<String> everythingElse = new ArrayList<>(keysOfOtherTenants(tenant));
        everythingElse.addAll(propertyKeys(tenant, otherProperties));
        everythingElse.addAll(listKeys(tenant));

        assertThat(propertyKeys(tenant, List.of(property))).allMatch(key -> RedisGlob.matches(pattern, key));
        assertThat(everythingElse).noneMatch(key -> RedisGlob.matches(pattern, key));
    }

    @Test
    void noTwoAdversarialTenantsOrPropertiesShareAKey() {
        List<String> keys = tenants().stream().flatMap(tenant -> keysOf(tenant).stream()).toList();

        assertThat(keys).hasSize(tenants().size() * (properties().size() * 3 + 2)).doesNotHaveDuplicates();
    }

    @Test
    void keysAtTheIdLimitsAreAcceptableToTheCacheClient() {
        TenantId longest = new TenantId("t".repeat(TenantId.MAX_LENGTH));
        PropertyId longestId = new PropertyId("p".repeat(PropertyId.MAX_LENGTH));

        assertThat(keysOf(longest, List.of(longestId)))
                .allSatisfy(key -> assertThat(key).isNotBlank().hasSizeLessThanOrEqualTo(PropertyKeys.MAX_KEY_LENGTH)
                        .doesNotContainPattern("\\p{Cntrl}"));
    }

    @Test
    void keysOfIdsAtTheirEncodedLimitsAreAcceptableToTheCacheClient() {
        TenantId tenant = new TenantId("é".repeat(TenantId.MAX_ENCODED_LENGTH / 6) + "t".repeat(TenantId.MAX_ENCODED_LENGTH % 6));
        PropertyId property = new PropertyId("€".repeat(PropertyId.MAX_ENCODED_LENGTH / 9)
                + "p".repeat(PropertyId.MAX_ENCODED_LENGTH % 9));

        assertThat(keysOf(tenant, List.of(property)))
                .allSatisfy(key -> assertThat(key).hasSizeLessThanOrEqualTo(PropertyKeys.MAX_KEY_LENGTH));
    }

    @Test
    void idsThatEncodingWouldMakeTooLongForAKeyAreRefusedAtConstruction() {
        assertThatThrownBy(() -> new TenantId("é".repeat(TenantId.MAX_ENCODED_LENGTH / 6 + 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most " + TenantId.MAX_ENCODED_LENGTH + " characters once percent-encoded");
        assertThatThrownBy(() -> new PropertyId("€".repeat(PropertyId.MAX_LENGTH)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most " + PropertyId.MAX_ENCODED_LENGTH + " characters once percent-encoded");
    }

    static Stream<Arguments> groupedKeys() {
        return Stream.of(
                Arguments.of("detailKey", PropertyKeys.detailKey(ACME, P42), PropertyKeys.detail(ACME, P42)),
                Arguments.of("timelineKey", PropertyKeys.timelineKey(ACME, P42), PropertyKeys.timeline(ACME, P42)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("groupedKeys")
    void propertyCacheKeysAreTheirPlainKeyInTheTenantGroup(String kind, CacheKey actual, String plainKey) {
        assertThat(actual).isEqualTo(CacheKey.of(plainKey, "t:{acme}:all"));
    }

    @Test
    void aScoreCacheKeyIsInTheTenantGroupAndTheScoreGroup() {
        assertThat(PropertyKeys.scoreKey(ACME, P42)).isEqualTo(
                CacheKey.of(PropertyKeys.score(ACME, P42), "t:{acme}:all", "t:{acme}:properties:scores"));
    }

    @Test
    void aListCacheKeyIsInTheTenantGroupAndTheListGroup() {
        assertThat(PropertyKeys.listKey(ACME, FIRST_PAGE)).isEqualTo(
                CacheKey.of(PropertyKeys.list(ACME, FIRST_PAGE), "t:{acme}:all", "t:{acme}:properties:lists"));
    }

    @ParameterizedTest
    @MethodSource("adversarialTenants")
    void groupsOfATenantShareTheSlotOfItsHashTag(TenantId tenant) {
        int tagSlot = ClusterSlots.slot(KeyPart.encode(tenant.value()));

        assertThat(List.of(PropertyKeys.tenantGroup(tenant), PropertyKeys.listGroup(tenant),
                PropertyKeys.scoreGroup(tenant)))
                .allSatisfy(group -> assertThat(ClusterSlots.slot("realestate:" + group + "\u001Fgeneration"))
                        .as(group).isEqualTo(tagSlot));
    }

    @Test
    void noTwoAdversarialTenantsShareAGroupAndNoGroupIsAKey() {
        List<String> groups = tenants().stream()
                .flatMap(tenant -> Stream.of(PropertyKeys.tenantGroup(tenant), PropertyKeys.listGroup(tenant),
                        PropertyKeys.scoreGroup(tenant)))
                .toList();
        List<String> keys = tenants().stream().flatMap(tenant -> keysOf(tenant).stream()).toList();

        assertThat(groups).hasSize(tenants().size() * 3).doesNotHaveDuplicates().doesNotContainAnyElementsOf(keys);
    }

    @ParameterizedTest
    @MethodSource("adversarialTenants")
    void theListPatternDoesNotMatchTheListGroup(TenantId tenant) {
        assertThat(RedisGlob.matches(PropertyKeys.listPattern(tenant), PropertyKeys.listGroup(tenant))).isFalse();
    }

    @ParameterizedTest
    @MethodSource("adversarialTenants")
    void aScorePatternMatchesEveryScoreOfItsTenantAndNothingElse(TenantId tenant) {
        String pattern = PropertyKeys.scorePattern(tenant);

        for (TenantId other : tenants()) {
            for (PropertyId property : properties()) {
                assertThat(RedisGlob.matches(pattern, PropertyKeys.score(other, property)))
                        .as("%s against %s/%s", pattern, other, property).isEqualTo(other.equals(tenant));
                assertThat(RedisGlob.matches(pattern, PropertyKeys.detail(other, property))).isFalse();
                assertThat(RedisGlob.matches(pattern, PropertyKeys.timeline(other, property))).isFalse();
            }
        }
        assertThat(RedisGlob.matches(pattern, PropertyKeys.scoreGroup(tenant))).isFalse();
    }

    static Stream<TenantId> adversarialTenants() {
        return tenants().stream();
    }

    static Stream<Arguments> adversarialPairs() {
        return tenants().stream().flatMap(tenant -> properties().stream().map(property -> Arguments.of(tenant, property)));
    }

    static Stream<String> patterns() {
        return adversarialPairs().flatMap(pair -> {
            TenantId tenant = (TenantId) pair.get()[0];
            PropertyId property = (PropertyId) pair.get()[1];
            return Stream.of(PropertyKeys.propertyPattern(tenant, property), PropertyKeys.listPattern(tenant),
                    PropertyKeys.tenantPattern(tenant));
        }).distinct();
    }

    private static List<TenantId> tenants() {
        return ADVERSARIAL.stream().map(TenantId::new).toList();
    }

    private static List<PropertyId> properties() {
        return ADVERSARIAL.stream().map(PropertyId::new).toList();
    }

    private static List<String> keysOf(TenantId tenant) {
        return keysOf(tenant, properties());
    }

    private static List<String> keysOf(TenantId tenant, List<PropertyId> properties) {
        List<String> keys = new ArrayList<>(propertyKeys(tenant, properties));
        keys.addAll(listKeys(tenant));
        return keys;
    }

    private static List<String> keysOfOtherTenants(TenantId tenant) {
        return tenants().stream()
                .filter(other -> !other.equals(tenant))
                .flatMap(other -> keysOf(other).stream())
                .toList();
    }

    private static List<String> propertyKeys(TenantId tenant, List<PropertyId> properties) {
        return properties.stream()
                .flatMap(property -> Stream.of(PropertyKeys.detail(tenant, property),
                        PropertyKeys.score(tenant, property), PropertyKeys.timeline(tenant, property)))
                .toList();
    }

    private static List<String> listKeys(TenantId tenant) {
        return Stream.of(FIRST_PAGE, ListQuery.builder().city("*").page(3).build())
                .map(query -> PropertyKeys.list(tenant, query))
                .toList();
    }
}
