import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { routes } from './app/routes';
import { cssVariablesResolver, theme } from './app/theme';
import { graphqlUrl } from './config';
import { SessionProvider } from './session/session-context';
import { SessionStore } from './session/session-store';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

const store = new SessionStore(graphqlUrl());
const router = createBrowserRouter(routes);

createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <Notifications position="top-right" />
      <SessionProvider store={store}>
        <RouterProvider router={router} />
      </SessionProvider>
    </MantineProvider>
  </StrictMode>,
);
