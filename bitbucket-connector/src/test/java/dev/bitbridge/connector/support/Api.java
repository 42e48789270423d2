package dev.bitbridge.connector.support;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;

/** Calls of the management API as the admin of the test profile, or as nobody. */
public final class Api {

    public static final String ADMIN_TOKEN = "test-admin-token-0123456789abcdef0123";

    private Api() {
    }

    public static RequestSpecification asAdmin() {
        return given().header("Authorization", "Bearer " + ADMIN_TOKEN).contentType(ContentType.JSON);
    }

    public static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON);
    }
}
