/**
 * What every Bitbridge management API shares: JSON errors that name the field and never quote a submitted value
 * ({@link dev.bitbridge.api.ApiError}, {@link dev.bitbridge.api.ApiErrorMappers}), strict JSON reading, and the admin
 * token mechanism ({@link dev.bitbridge.api.AdminTokenMechanism}) beside OIDC.
 */
package dev.bitbridge.api;
