import { createTheme, Drawer, Modal, type CSSVariablesResolver } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'indigo',
  // Darker shades than the defaults so text on filled buttons and badges keeps WCAG AA contrast.
  primaryShade: 7,
  defaultRadius: 'sm',
  components: {
    // Mantine leaves the close buttons of dialogs without an accessible name.
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
    Drawer: Drawer.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
  },
});

/**
 * Mantine's "dimmed" grey (#868e96, 3.3:1 on white) is below WCAG AA for small text;
 * gray.7 keeps secondary text quieter than body text and readable (4.9:1 and more).
 */
export const cssVariablesResolver: CSSVariablesResolver = (current) => ({
  variables: {},
  light: { '--mantine-color-dimmed': current.colors.gray[7] },
  dark: {},
});
