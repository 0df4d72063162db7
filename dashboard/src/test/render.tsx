import { MantineProvider } from '@mantine/core';
import { render, type RenderOptions } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { theme } from '../app/theme';

/**
 * Renders with the dashboard's theme, as the app does; `env="test"` turns off Mantine's
 * transitions and portals, which jsdom cannot run.
 */
export function renderWithTheme(ui: ReactElement, options?: RenderOptions) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <MantineProvider theme={theme} env="test">
      {children}
    </MantineProvider>
  );
  return render(ui, { wrapper, ...options });
}
