package dev.covenant.api;

import static dev.covenant.Api.admin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Paging values that are not whole numbers in range are a 400 naming the parameter, never the 404 of a bad path. */
@QuarkusTest
class PagingValuesTest {

    @ParameterizedTest
    @CsvSource({
            "/api/deliveries, limit, abc", "/api/deliveries, limit, 0", "/api/deliveries, limit, 99999999999",
            "/api/sweeps, limit, -1", "/api/sweeps, limit, 501", "/api/sweeps, limit, 1e3",
            "/api/ledger, limit, 1001", "/api/ledger, limit, x", "/api/ledger, after, -1",
            "/api/ledger, after, 99999999999999999999", "/api/repos/acme/widget/relicensing, offset, -5",
            "/api/repos/acme/widget/relicensing, limit, ten"})
    void outOfRangeIs400NamingTheParameter(String path, String parameter, String value) {
        admin().queryParam(parameter, value).get(path).then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("field", equalTo(parameter)).body("detail", containsString("whole number"));
    }

    @ParameterizedTest
    @CsvSource({"/api/deliveries, limit, 1000", "/api/sweeps, limit, 500", "/api/ledger, after, 0"})
    void valuesInRangeAreAnswered(String path, String parameter, String value) {
        admin().queryParam(parameter, value).get(path).then().statusCode(200);
    }
}
