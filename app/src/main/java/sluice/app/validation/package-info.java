/**
 * Live validation: {@link sluice.app.validation.LiveValidation} plans the current spec with the engine's planner on a
 * background thread after every edit and publishes the problems and node schemas to the JavaFX thread, newest spec
 * only. The observable results belong to the JavaFX application thread.
 */
package sluice.app.validation;
