package dev.bitbridge.testkit.jenkins;

/**
 * One value of a build's {@code ParametersAction} ({@code hudson.model.StringParameterValue}).
 *
 * @param name the parameter's name
 * @param value its value
 */
record ParamValue(String name, String value) {
}
