import {
  createTheme,
  darken,
  defaultVariantColorsResolver,
  Drawer,
  Modal,
  parseThemeColor,
  type CSSVariablesResolver,
  type VariantColorsResolver,
} from '@mantine/core';

/** Variants that draw the colour as text on white or on a pale tint of itself. */
const TEXT_VARIANTS = new Set(['light', 'outline', 'subtle', 'transparent']);

/**
 * Mantine draws light, outline and subtle variants (status badges, secondary buttons)
 * with the colour's middle shade as text, below WCAG AA for most colours (orange and
 * yellow even at their darkest shade); the darkest shade darkened keeps the hue and
 * passes on white and on the pale tint. Filled variants pick black or white text by
 * luminance (`autoContrast`).
 */
const variantColorResolver: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  if (!TEXT_VARIANTS.has(input.variant)) return colors;
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
  if (!parsed.isThemeColor || parsed.shade !== undefined) return colors;
  const text = darken(input.theme.colors[parsed.color][9], 0.35);
  return {
    ...colors,
    color: text,
    hoverColor: text,
    border: input.variant === 'outline' ? `1px solid ${text}` : colors.border,
  };
};

export const theme = createTheme({
  primaryColor: 'indigo',
  // Darker than the default shade: links and white text on filled buttons keep WCAG AA
  // contrast on white and on a hovered or striped table row.
  primaryShade: 8,
  defaultRadius: 'sm',
  autoContrast: true,
  variantColorResolver,
  components: {
    // Mantine leaves the close buttons of dialogs without an accessible name.
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
    Drawer: Drawer.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
  },
});

/**
 * Mantine's "dimmed" and placeholder greys (3.3:1 and less on white) are below WCAG AA
 * for small text; gray.7 keeps them quieter than body text and readable.
 */
export const cssVariablesResolver: CSSVariablesResolver = (current) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': current.colors.gray[7],
    '--mantine-color-placeholder': current.colors.gray[7],
  },
  dark: {},
});
