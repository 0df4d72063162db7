// Mantine's mixins and breakpoints in CSS modules.
module.exports = { plugins: { 'postcss-preset-mantine': {} } };
