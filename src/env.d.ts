// Ambient types for the UI: Svelte's runes and `*.svelte` modules, Vite's `import.meta` and
// `new URL(..., import.meta.url)` worker imports.
/// <reference types="svelte" />
/// <reference types="vite/client" />
