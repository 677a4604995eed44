/**
 * The workbench's looks: the light and dark AtlantaFX themes ({@link sluice.app.theme.ThemeSwitch}, remembered in
 * Preferences) and the About box. Made by {@code Workbench}; FX thread only.
 */
package sluice.app.theme;
