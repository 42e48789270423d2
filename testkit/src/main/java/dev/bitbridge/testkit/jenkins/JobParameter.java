package dev.bitbridge.testkit.jenkins;

/**
 * A string parameter a job defines ({@code hudson.model.StringParameterDefinition}), with its default value.
 *
 * @param name the parameter's name
 * @param defaultValue what a build gets when the trigger does not name the parameter
 */
record JobParameter(String name, String defaultValue) {
}
