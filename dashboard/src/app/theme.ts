import { createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'indigo',
  // Darker shades than the defaults so text on filled buttons and badges keeps WCAG AA contrast.
  primaryShade: 7,
  defaultRadius: 'sm',
});
