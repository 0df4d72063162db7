import { MantineProvider } from '@mantine/core';
import { render, type RenderOptions } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { theme } from '../app/theme';

/** Renders with the dashboard's theme, as the app does. */
export function renderWithTheme(ui: ReactElement, options?: RenderOptions) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <MantineProvider theme={theme}>{children}</MantineProvider>
  );
  return render(ui, { wrapper, ...options });
}
