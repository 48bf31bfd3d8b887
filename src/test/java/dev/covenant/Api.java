package dev.covenant;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** RestAssured requests with and without the admin bearer token. */
public final class Api {

    private Api() {
    }

    public static RequestSpecification admin() {
        return given().header("Authorization", "Bearer " + TestDatabase.ADMIN_TOKEN).contentType(ContentType.JSON);
    }

    public static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON);
    }
}
