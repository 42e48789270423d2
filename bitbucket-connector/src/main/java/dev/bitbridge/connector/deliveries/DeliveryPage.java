package dev.bitbridge.connector.deliveries;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * @param values deliveries, newest first
 * @param nextBefore pass as {@code before} for older ones; absent on the last page
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeliveryPage(List<Delivery> values, String nextBefore) {
}
