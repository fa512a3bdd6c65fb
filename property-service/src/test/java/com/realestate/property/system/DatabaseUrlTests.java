package com.realestate.property.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code DATABASE_URL} in the forms operators write it. */
class DatabaseUrlTests {

    @Test
    void aPlainJdbcUrlIsKeptAsItIs() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://db.internal:5432/properties?user=app&password=s3cret");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:5432/properties?user=app&password=s3cret");
        assertThat(url.username()).isNull();
        assertThat(url.password()).isNull();
    }

    @Test
    void userAndPasswordInTheAuthorityAreTakenOut() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://app:p%40ss%3Aword@db.internal:5432/properties?ssl=true");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:5432/properties?ssl=true");
        assertThat(url.username()).isEqualTo("app");
        assertThat(url.password()).isEqualTo("p@ss:word");
    }

    @Test
    void aPostgresUrlBecomesAJdbcUrl() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://app:secret@db.internal/properties");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal/properties");
        assertThat(url.username()).isEqualTo("app");
        assertThat(url.password()).isEqualTo("secret");
    }

    @Test
    void aUserWithoutPasswordIsKept() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://app@localhost:5433/db");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5433/db");
        assertThat(url.username()).isEqualTo("app");
        assertThat(url.password()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:mysql://db/properties", "http://db/properties", "not a url at all"})
    void otherDatabasesAndNonsenseAreRefused(String text) {
        assertThatThrownBy(() -> DatabaseUrl.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DATABASE_URL");
    }

    @Test
    void passwordsNeverShowInMessages() {
        assertThat(DatabaseUrl.redacted("postgres://app:secret@db/x")).isEqualTo("postgres://app:****@db/x");
        assertThat(DatabaseUrl.redacted("jdbc:postgresql://db/x?user=a&password=secret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/x?user=a&password=****&ssl=true");
        assertThat(DatabaseUrl.parse("postgres://app:secret@db/x").toString()).doesNotContain("secret");
    }
}
