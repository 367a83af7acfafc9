// Svelte 5 in runes mode everywhere; TypeScript in <script lang="ts"> needs no preprocessor
// (Svelte strips type annotations itself).
export default {
  compilerOptions: {
    runes: true,
  },
};
